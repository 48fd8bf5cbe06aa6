using System.Net;
using System.Text.Json;
using CertGuard.Data.Database;
using CertGuard.Testing;
using CertGuard.Web.Features.Verification.PublicQuery;
using CertGuard.Web.Tests.Architecture;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Verification.PublicQuery;

/// <summary>
/// The load benchmark's bare query (PublicQuery:BareEndpoint) exists only with its switch and on PostgreSQL, anonymous
/// and listed as public; without it the address is not found. Its lookup, which the service's query uses on PostgreSQL
/// too, reads exactly the rows the EF Core lookup reads.
/// </summary>
public abstract class BareQueryTests(BareQueryApp app)
{
    private const string Path = "/api/v1" + BareQueryEndpoint.Path;

    [Fact]
    public async Task The_bare_query_answers_only_with_its_switch_and_on_postgres()
    {
        var number = await AnyNumberAsync(app);
        var expected = app.Provider == DatabaseProvider.Postgres && app.Switch ? HttpStatusCode.OK : HttpStatusCode.NotFound;

        var response = await app.CreateClient().GetAsync($"{Path}?no={number}");

        Assert.Equal(expected, response.StatusCode);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimEnd('/').EndsWith(BareQueryEndpoint.Path, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, endpoints.Count);
        Assert.All(endpoints, e => Assert.NotNull(e.Metadata.GetMetadata<IAllowAnonymous>()));
        Assert.Contains("GET " + Path, SafeByDefaultTests.Public);
        if (expected == HttpStatusCode.OK)
        {
            var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(number, r.GetProperty("number").GetString()));
        }
    }

    [Fact]
    public async Task On_postgres_the_query_reads_the_rows_the_ef_core_lookup_reads()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ICertificateLookup>();
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // The embedded database keeps the EF Core lookup, and has no data source of its own.
            Assert.IsType<DatabaseCertificateLookup>(service);
            Assert.Null(scope.ServiceProvider.GetService<NpgsqlCertificateLookup>());
        }
        else
        {
            await SameRowsAsync(Assert.IsType<NpgsqlCertificateLookup>(service));
        }
    }

    private async Task SameRowsAsync(NpgsqlCertificateLookup lookup)
    {
        await using var db = app.SystemDb();
        var ef = new DatabaseCertificateLookup(db);
        // Holders with several items, every status (with and without a reason), and a number no one has.
        var numbers = await db.Certificates.IgnoreQueryFilters().AsNoTracking()
            .GroupBy(c => c.Number).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(20).ToListAsync();
        numbers.AddRange(await db.Certificates.IgnoreQueryFilters().AsNoTracking().GroupBy(c => new { c.Status, HasReason = c.StatusReason != null })
            .Select(g => g.Min(c => c.Number)!).ToListAsync());
        numbers.Add(PublicQueryApp.UnknownNumber());

        foreach (var number in numbers)
        {
            var expected = (await ef.FindAsync(number, CancellationToken.None)).OrderBy(r => r.Id).ToList();
            var actual = (await lookup.FindAsync(number, CancellationToken.None)).OrderBy(r => r.Id).ToList();
            Assert.Equal(expected, actual);
        }
        Assert.True(numbers.Count > 5, $"only {numbers.Count} numbers compared");
    }

    private static async Task<string> AnyNumberAsync(CertGuardApp app)
    {
        await using var db = app.SystemDb();
        return await db.Certificates.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Number).Select(c => c.Number).FirstAsync();
    }
}

/// <summary>The platform with or without <c>PublicQuery:BareEndpoint</c>.</summary>
public abstract class BareQueryApp : CertGuardApp
{
    public abstract bool Switch { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Switch) builder.UseSetting("PublicQuery:BareEndpoint", "true");
    }
}

public sealed class SqliteBareQueryApp : BareQueryApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override bool Switch => true;
}

public sealed class PostgresBareQueryApp : BareQueryApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    public override bool Switch => true;
}

public sealed class PostgresUnswitchedQueryApp : BareQueryApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    public override bool Switch => false;
}

public sealed class SqliteBareQueryTests(SqliteBareQueryApp app) : BareQueryTests(app), IClassFixture<SqliteBareQueryApp>;

public sealed class PostgresBareQueryTests(PostgresBareQueryApp app) : BareQueryTests(app), IClassFixture<PostgresBareQueryApp>;

public sealed class PostgresUnswitchedBareQueryTests(PostgresUnswitchedQueryApp app) : BareQueryTests(app), IClassFixture<PostgresUnswitchedQueryApp>;
