using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Employers;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Employers;

/// <summary>An employer's line in the city office's list: its current snapshot and its open rectification.</summary>
public sealed record EmployerRate(
    Guid Id, string Name, string? CreditCode, string RegionCode, string? Industry, DateTimeOffset? CheckedAt,
    int Workers, int Compliant, int BadRows, decimal? Rate, int OpenItems, int OverdueItems);

/// <summary>A city's line in the province office's table: its employers' current snapshots added up.</summary>
public sealed record CityRate(string Code, string Name, int Employers, int Checked, int FullyCompliant, int Workers, int Compliant, decimal? Rate);

/// <summary>
/// The lawful certification rate as the offices read it, from each employer's current roster check. Employers are
/// only those the account oversees (<see cref="EmployerAccess.Overseen"/>).
/// </summary>
public sealed class ComplianceQuery(CertGuardDbContext db, TimeProvider clock, IActor actor)
{
    public static IReadOnlyList<string> Sorts { get; } = ["rate", "-rate", "name", "workers"];

    public async Task<List<EmployerRate>> EmployersAsync(string? city, string? sort, CancellationToken ct)
    {
        var employers = await EmployerAccess.Overseen(db, actor.Scope ?? AccessScope.Anonymous, city).Approved().AsNoTracking()
            .Select(o => new { o.Id, o.Name, o.CreditCode, o.RegionCode, o.Industry }).ToListAsync(ct);
        var ids = employers.Select(e => e.Id).ToList();
        var checks = (await db.Set<RosterCheck>().AsNoTracking().Where(c => c.IsCurrent && ids.Contains(c.OrganisationId)).ToListAsync(ct)).NewestByEmployer();
        var items = await ItemCountsAsync(ids, ct);
        var rates = employers.Select(e =>
        {
            var check = checks.GetValueOrDefault(e.Id);
            var (open, overdue) = items.GetValueOrDefault(e.Id);
            return new EmployerRate(e.Id, e.Name, e.CreditCode, e.RegionCode, e.Industry, check?.At, check?.Workers ?? 0, check?.Compliant ?? 0,
                check?.BadRows ?? 0, check?.Rate, open, overdue);
        });
        return Sort(rates, sort).ToList();
    }

    /// <summary>
    /// By rate, the ones below 100 % first (lowest first), then those that have not checked yet, then the compliant;
    /// or by rate descending, name, or workforce.
    /// </summary>
    public static IEnumerable<EmployerRate> Sort(IEnumerable<EmployerRate> rates, string? sort) => sort switch
    {
        "name" => rates.OrderBy(r => r.Name, StringComparer.Ordinal),
        "workers" => rates.OrderByDescending(r => r.Workers).ThenBy(r => r.Name, StringComparer.Ordinal),
        "-rate" => rates.OrderByDescending(r => r.Rate ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal),
        _ => rates.OrderBy(r => r.Rate is null ? 1 : r.Rate < 100 ? 0 : 2).ThenBy(r => r.Rate).ThenBy(r => r.Name, StringComparer.Ordinal),
    };

    /// <summary>Every city of the province with its employers' rate (the province office's table).</summary>
    public async Task<List<CityRate>> CitiesAsync(CancellationToken ct)
    {
        var employers = await db.Organisations.AsNoTracking().Where(o => o.Kind == Role.Employer.Id).Approved()
            .GroupBy(o => o.RegionCode).Select(g => new { City = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.City, g => g.Count, ct);
        var checks = (await db.Set<RosterCheck>().AsNoTracking().Where(c => c.IsCurrent)
            .Select(c => new { c.OrganisationId, c.At, c.RegionCode, c.Workers, c.Compliant }).ToListAsync(ct))
            .GroupBy(c => c.OrganisationId).Select(g => g.MaxBy(c => c.At)!).ToList();
        return RegionDirectory.Guangdong.Cities.Select(city =>
        {
            var mine = checks.Where(c => c.RegionCode == city.Code).ToList();
            var (workers, compliant) = (mine.Sum(c => c.Workers), mine.Sum(c => c.Compliant));
            return new CityRate(city.Code, city.Name, employers.GetValueOrDefault(city.Code), mine.Count,
                mine.Count(c => c.Workers > 0 && c.Compliant == c.Workers), workers, compliant, ComplianceRate.Percent(compliant, workers));
        }).ToList();
    }

    /// <summary>The employer's snapshots, newest first: the rate over time.</summary>
    public Task<List<RosterCheck>> HistoryAsync(Guid organisationId, CancellationToken ct) =>
        db.Set<RosterCheck>().AsNoTracking().Where(c => c.OrganisationId == organisationId).OrderByDescending(c => c.At).ToListAsync(ct);

    /// <summary>Open (not confirmed nor resolved) and overdue rectification items per employer.</summary>
    public async Task<Dictionary<Guid, (int Open, int Overdue)>> ItemCountsAsync(IReadOnlyCollection<Guid> organisations, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var items = await db.Set<RectificationItem>().AsNoTracking().StillOpen().Where(i => organisations.Contains(i.OrganisationId))
            .Select(i => new { i.OrganisationId, i.Status, i.Deadline }).ToListAsync(ct);
        return items.GroupBy(i => i.OrganisationId).ToDictionary(g => g.Key, g => (g.Count(),
            g.Count(i => i.Status is RectificationStatus.Open or RectificationStatus.Returned && i.Deadline < today)));
    }
}
