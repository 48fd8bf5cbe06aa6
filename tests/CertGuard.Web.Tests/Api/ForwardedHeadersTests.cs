using System.Net;
using CertGuard.Core.Verification;
using CertGuard.Data.Database;
using CertGuard.Data.Verification;
using CertGuard.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Api;

/// <summary>
/// The platform behind a TLS proxy (<c>ForwardedHeaders:KnownNetworks</c> = 10.0.0.0/8): the trusted proxy's
/// X-Forwarded-Proto makes the request HTTPS (so HSTS is sent) and its X-Forwarded-For is the client the limits and the
/// log count; anyone else's forwarded headers are ignored.
/// </summary>
public abstract class ForwardedHeadersTests(ProxiedApp app)
{
    [Fact]
    public async Task A_trusted_proxys_headers_give_https_and_the_clients_address()
    {
        var response = await Send(ProxiedApp.Proxy, "203.0.113.77");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        await app.Services.GetRequiredService<VerificationLog>().StoredAsync();
        await using var db = app.SystemDb();
        Assert.True(await db.VerificationLog.AnyAsync(r => r.NumberAsked == ProxiedApp.Number && r.Origin == "203.0.113.0/24"));
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        var response = await Send("192.0.2.9", "198.51.100.77");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        await app.Services.GetRequiredService<VerificationLog>().StoredAsync();
        await using var db = app.SystemDb();
        Assert.False(await db.VerificationLog.AnyAsync(r => r.Origin == "198.51.100.0/24"));
        Assert.True(await db.VerificationLog.AnyAsync(r => r.NumberAsked == ProxiedApp.Number && r.Origin == "192.0.2.0/24"));
    }

    private async Task<HttpResponseMessage> Send(string peer, string client)
    {
        var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://certguard.test/") });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/verify?no={ProxiedApp.Number}&name=张三");
        request.Headers.Add(ProxiedApp.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await http.SendAsync(request);
    }
}

/// <summary>The platform with one trusted proxy network, and a test hook that sets the connection's peer address.</summary>
public abstract class ProxiedApp : CertGuardApp
{
    public const string PeerHeader = "X-Test-Peer";
    public const string Proxy = "10.1.2.3";
    public const string Number = "650102198001011234";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, Peer>());
    }

    private sealed class Peer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class SqliteProxiedApp : ProxiedApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresProxiedApp : ProxiedApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class SqliteForwardedHeadersTests(SqliteProxiedApp app) : ForwardedHeadersTests(app), IClassFixture<SqliteProxiedApp>;

public sealed class PostgresForwardedHeadersTests(PostgresProxiedApp app) : ForwardedHeadersTests(app), IClassFixture<PostgresProxiedApp>;
