using CertGuard.Core.Enforcement;
using CertGuard.Data;
using CertGuard.Data.Campaigns;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CertGuard.Web.Tests.Statistics;

/// <summary>
/// The platform on a clock the test sets (20 November of the demo's year, before the 25th) with one test indicator
/// source in place of the modules' (they land on other branches): codes 34 and 35 count leads raised in the window.
/// </summary>
public abstract class StatisticsApp : CertGuardApp
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

    public ShiftedClock Clock { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.RemoveAll<IIndicatorSource>();
            s.AddScoped<IIndicatorSource, LeadIndicators>();
        });
    }
}

public sealed class SqliteStatisticsApp : StatisticsApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresStatisticsApp : StatisticsApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>The real clock moved to a chosen instant (timers keep real time): dates the test controls, nothing hangs.</summary>
public sealed class ShiftedClock(DateTimeOffset at) : TimeProvider
{
    private TimeSpan _offset = at - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void MoveTo(DateTimeOffset instant) => _offset = instant - System.GetUtcNow();
}

/// <summary>A test source: 34 = leads raised in the window, 35 = those raised from inspections; it lists exactly what it counts.</summary>
internal sealed class LeadIndicators(CertGuardDbContext db) : IIndicatorSource
{
    public IReadOnlyCollection<string> Codes { get; } = ["34", "35"];

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct)
    {
        var result = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var code in Codes)
        {
            var counts = await Leads(code, window).GroupBy(l => l.RegionCode).Select(g => new { City = g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var c in counts)
            {
                if (!result.TryGetValue(c.City, out var byCode)) result[c.City] = byCode = new(StringComparer.Ordinal);
                byCode[code] = c.Count;
            }
        }
        return result.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, decimal>)r.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct)
    {
        var leads = await Leads(code, window).Where(l => l.RegionCode == cityCode).ToListAsync(ct);
        return leads.OrderByDescending(l => l.RaisedAt)
            .Select(l => new IndicatorRecord("Statistics.Record.Lead", l.Id, l.Summary, l.RaisedAt, $"/enforcement/leads/{l.Id}")).ToList();
    }

    private IQueryable<InspectionLead> Leads(string code, IndicatorWindow window)
    {
        var leads = db.InspectionLeads.AsNoTracking().Where(l => l.RaisedAt >= window.From && l.RaisedAt < window.To);
        if (window.CityCodes is { } cities) leads = leads.Where(l => cities.Contains(l.RegionCode));
        return code == "35" ? leads.Where(l => l.Source == LeadSources.Inspection) : leads;
    }
}
