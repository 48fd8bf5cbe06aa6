using System.Net;
using System.Net.Http.Headers;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Data.Database;
using CertGuard.Data.Verification;
using CertGuard.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Verification.PublicQuery;

/// <summary>
/// One app per provider for every public-query test class (a collection fixture): tests keep out of each other's way
/// by their own client addresses (<see cref="NewAddress"/>) and certificates (<see cref="TakeAsync"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SqlitePublicQueryCollection : ICollectionFixture<SqlitePublicQueryApp>
{
    public const string Name = "public-query-sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresPublicQueryCollection : ICollectionFixture<PostgresPublicQueryApp>
{
    public const string Name = "public-query-postgres";
}

/// <summary>
/// The platform with the public query's documented limits, a cheap challenge (8 bits) and a small pass, and a test
/// hook that lets each request say which client address it comes from, so every test is its own client.
/// </summary>
public abstract class PublicQueryApp : CertGuardApp
{
    public const string ClientHeader = "X-Test-Client";
    public const int PassQueries = 3;
    private static int _nextClient;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PublicQuery:Challenge:Difficulty", "8");
        builder.UseSetting("PublicQuery:Challenge:PassQueries", PassQueries.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestClientAddress>());
    }

    /// <summary>A client address no other test uses (TEST-NET-3, 203.0.113.0/24, then TEST-NET-2).</summary>
    public static IPAddress NewAddress()
    {
        var n = Interlocked.Increment(ref _nextClient);
        return IPAddress.Parse(n < 250 ? $"203.0.113.{n}" : $"198.51.100.{n % 250}");
    }

    /// <summary>An anonymous client at its own address (or the one given).</summary>
    public HttpClient Client(IPAddress? address = null, string? apiKey = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ClientHeader, (address ?? NewAddress()).ToString());
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public Task LogStoredAsync() => Services.GetRequiredService<VerificationLog>().StoredAsync();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _taken = new();

    /// <summary>
    /// A demo certificate in the given state (and city) whose holder no other test of this app has queried (the
    /// per-number limit is shared by the whole app) and the demo never checked, with all of the holder's certificates.
    /// </summary>
    public async Task<(Certificate Certificate, IReadOnlyList<Certificate> HolderCertificates)> TakeAsync(CertificateState state, string? city = null)
    {
        await using var db = SystemDb();
        var all = await db.Certificates.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        // The demo's own checks (DemoChecks) would add to what a test counts.
        var checkedBefore = (await db.VerificationLog.AsNoTracking().Where(r => r.CertificateId != null).Select(r => r.CertificateId!.Value).Distinct().ToListAsync()).ToHashSet();
        var clock = Services.GetRequiredService<TimeProvider>();
        var rules = Services.GetRequiredService<CertificateRules>();
        // With a city, all of the holder's certificates are of that city (a signal goes to the city of the number's first).
        var otherCities = all.Where(c => city is not null && c.RegionCode != city).Select(c => c.Number).ToHashSet();
        foreach (var candidate in all.Where(c => c.StateAt(clock, rules) == state && !otherCities.Contains(c.Number)).OrderBy(c => c.Number, StringComparer.Ordinal))
        {
            if (!checkedBefore.Contains(candidate.Id) && _taken.TryAdd(candidate.Number, true))
                return (candidate, all.Where(c => c.Number == candidate.Number).OrderBy(c => c.ItemCode, StringComparer.Ordinal).ToList());
        }
        throw new InvalidOperationException($"No untaken demo certificate in state {state}.");
    }

    /// <summary>A valid resident ID number no demo holder has (a Xinjiang household).</summary>
    public static string UnknownNumber()
    {
        var first17 = $"650102{1970 + Random.Shared.Next(20)}0{Random.Shared.Next(1, 10)}1{Random.Shared.Next(0, 10)}{Random.Shared.Next(100, 1000)}";
        return first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
    }

    private sealed class TestClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class SqlitePublicQueryApp : PublicQueryApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresPublicQueryApp : PublicQueryApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
