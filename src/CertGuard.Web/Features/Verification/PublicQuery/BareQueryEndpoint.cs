using CertGuard.Data.Database;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>
/// The load benchmark's ceiling (<c>PublicQuery:BareEndpoint=true</c>, PostgreSQL only): the public query's lookup and
/// nothing else — no name check, no rate limit, no log, no masking; the rows as they are. What a database-backed query
/// can reach on the machine, to compare the service with (bench/load/public-verify.sh). Without the switch the route
/// does not exist at all (404); production never sets it.
/// </summary>
public static class BareQueryEndpoint
{
    public const string Path = "/public/verify-bare";

    public static RouteGroupBuilder MapBareQuery(this RouteGroupBuilder api)
    {
        var services = ((IEndpointRouteBuilder)api).ServiceProvider;
        if (!services.GetRequiredService<IOptions<PublicQueryOptions>>().Value.BareEndpoint) return api;
        if (services.GetRequiredService<DatabaseOptions>().Provider != DatabaseProvider.Postgres) return api;
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BareQueryEndpoint)).LogWarning(
            "PublicQuery:BareEndpoint is set: GET /api/v1{Path} answers unmasked registry rows to anyone, unlimited and unlogged (load benchmark only)", Path);
        api.MapGet(Path, async (string? no, NpgsqlCertificateLookup lookup, CancellationToken ct) => TypedResults.Ok(await lookup.FindAsync(no ?? "", ct)))
            .AllowAnonymous().ExcludeFromDescription();
        return api;
    }
}
