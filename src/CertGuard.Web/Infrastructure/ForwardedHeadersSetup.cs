using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CertGuard.Web.Infrastructure;

/// <summary>
/// The <c>ForwardedHeaders</c> section: behind a TLS-terminating proxy, the proxies (or networks) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed, so HSTS sees HTTPS and the rate limits and the
/// verification log see each client's address. None is trusted by default (not even loopback): anyone could
/// otherwise choose the address the per-client limits count.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in front of the platform (entries of X-Forwarded-For taken from the right).</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddCertGuardForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = settings.ForwardLimit;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{proxy}\" is not an IP address."));
            }
            foreach (var network in settings.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: \"{network}\" is not a network in CIDR form (10.0.0.0/24)."));
            }
        });
        return services;
    }

    public static IApplicationBuilder UseCertGuardForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
