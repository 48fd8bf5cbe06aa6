using System.Text.Json;
using CertGuard.Cli.Tests.Support;
using CertGuard.Core.Employers;
using CertGuard.Data;
using CertGuard.Data.Campaigns;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Cli.Tests.Seeding;

public sealed class SqliteSeedCampaignCommandTests() : SeedCampaignCommandTests(DatabaseProvider.Sqlite);

public sealed class PostgresSeedCampaignCommandTests() : SeedCampaignCommandTests(DatabaseProvider.Postgres);

/// <summary>
/// <c>certguard seed-campaign --year-of-records</c>, the statistics sheet benchmark's data: what it says it wrote is in
/// the database, inside the last year, one audit entry records the load, and the statistics table counts it.
/// </summary>
public abstract class SeedCampaignCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _services = DataServicesFor.Build(_database);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_small_year_of_records_is_written_as_reported_and_counted_by_the_statistics_table()
    {
        var seed = await RunAsync("seed", "--certificates", "300", "--seed", "3");
        Assert.True(seed.ExitCode == 0, seed.ToString());

        var run = await RunAsync("seed-campaign", "--year-of-records", "--scale", "0.01", "--seed", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith('{'));
        var counts = JsonDocument.Parse(json).RootElement;

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        var checks = counts.GetProperty("RosterChecks").GetInt32();
        var inspections = counts.GetProperty("Inspections").GetInt32();
        var suspects = counts.GetProperty("Suspects").GetInt32();
        Assert.True(checks > 0 && inspections > 0 && suspects > 0, json);
        Assert.Equal(checks, await db.Set<RosterCheck>().IgnoreQueryFilters().CountAsync());
        Assert.Equal(suspects, await db.Suspects.IgnoreQueryFilters().CountAsync());
        Assert.True(await db.VerificationLog.CountAsync() >= counts.GetProperty("VerificationRecords").GetInt32());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "bulk-generate"));

        // The province's table over the year counts what was written: fake sites confirmed (28) and listings (31).
        var now = DateTimeOffset.UtcNow;
        var figures = await scope.ServiceProvider.GetRequiredService<StatisticsCalculator>()
            .ComputeAsync(new IndicatorWindow(now.AddYears(-1).AddDays(-1), now.AddDays(1)), CancellationToken.None);
        Assert.Equal(21, figures.Count);
        Assert.True(figures.Values.Sum(f => (f["28"] ?? 0) + (f["31"] ?? 0)) > 0);
        Assert.True(figures.Values.Count(f => (f["1"] ?? 0) > 0) >= 2, "the records are spread over the cities");

        var bad = await RunAsync("seed-campaign", "--year-of-records", "--scale", "0");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--scale", bad.Stderr);
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync([.. args, "--database-provider", provider.ToString(), "--connection-string", _database.ConnectionString]);
}
