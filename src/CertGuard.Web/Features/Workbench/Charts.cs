using System.Globalization;
using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Core.Time;
using CertGuard.Core.Verification;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Employers;
using CertGuard.Web.Features.Verification.Signals;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Workbench;

/// <summary>An employer's lawful certification rate over its roster checks (oldest first, the last 12).</summary>
public sealed class EmployerRateChart(ComplianceQuery compliance) : IWorkbenchCharts
{
    public string? Policy => EmployerAccess.SelfPolicy;

    public async Task<IReadOnlyList<WorkbenchChart>> ChartsAsync(AccessScope scope, CancellationToken ct)
    {
        var history = (await compliance.HistoryAsync(scope.OrganisationId ?? Guid.Empty, ct)).Take(12).Reverse().ToList();
        return
        [
            new("employer-rate", "Workbench.Chart.EmployerRate", "line",
                history.Select(c => ChinaTime.ToChina(c.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).ToList(),
                [new("Workbench.Series.Rate", history.Select(c => c.Rate).ToList())], "%"),
        ];
    }
}

/// <summary>The city office's employers by rate band; the province office's cities by rate.</summary>
public sealed class OfficeRateCharts(ComplianceQuery compliance) : IWorkbenchCharts
{
    public string? Policy => EmployerAccess.OfficePolicy;

    public async Task<IReadOnlyList<WorkbenchChart>> ChartsAsync(AccessScope scope, CancellationToken ct)
    {
        if (scope.Role == Role.ProvinceOffice)
        {
            var cities = await compliance.CitiesAsync(ct);
            return [new("city-rates", "Workbench.Chart.CityRates", "bar", cities.Select(c => Registry.CertificateLabels.City(c.Code)).ToList(),
                [new("Workbench.Series.Rate", cities.Select(c => c.Rate).ToList())], "%")];
        }
        var employers = await compliance.EmployersAsync(null, null, ct);
        string[] bands = ["Workbench.Band.Full", "Workbench.Band.High", "Workbench.Band.Low", "Workbench.Band.None"];
        decimal?[] counts =
        [
            employers.Count(e => e.Rate == 100m), employers.Count(e => e.Rate is >= 90m and < 100m),
            employers.Count(e => e.Rate < 90m), employers.Count(e => e.Rate is null),
        ];
        return [new("employer-bands", "Workbench.Chart.EmployerBands", "bar", bands, [new("Workbench.Series.Employers", counts)]) { LocalisedCategories = true }];
    }
}

/// <summary>New signals by kind per week, the last eight weeks (China time, weeks starting Monday).</summary>
public sealed class SignalWeeksChart(CertGuardDbContext db, TimeProvider clock) : IWorkbenchCharts
{
    private const int Weeks = 8;

    public string? Policy => SignalDesk.Policy;

    public async Task<IReadOnlyList<WorkbenchChart>> ChartsAsync(AccessScope scope, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var first = monday.AddDays(-7 * (Weeks - 1));
        var since = ChinaTime.StartOfDay(first);
        var signals = await db.Signals.AsNoTracking().Where(s => s.FirstSeen >= since).Select(s => new { s.Kind, s.FirstSeen }).ToListAsync(ct);
        var weeks = Enumerable.Range(0, Weeks).Select(i => first.AddDays(7 * i)).ToList();
        int WeekOf(DateTimeOffset at) => (ChinaTime.DateOf(at).DayNumber - first.DayNumber) / 7;
        var series = Enum.GetValues<SignalKind>()
            .Select(kind => new WorkbenchSeries($"Signals.Kind.{kind}",
                weeks.Select((_, i) => (decimal?)signals.Count(s => s.Kind == kind && WeekOf(s.FirstSeen) == i)).ToList()))
            .Where(s => s.Values.Any(v => v > 0))
            .ToList();
        if (series.Count == 0) series.Add(new("Workbench.Series.Signals", weeks.Select(_ => (decimal?)0).ToList()));
        return [new("signal-weeks", "Workbench.Chart.SignalWeeks", "bar",
            weeks.Select(w => w.ToString("MM-dd", CultureInfo.InvariantCulture)).ToList(), series) { Stacked = true }];
    }
}

/// <summary>
/// Certificates by year of first issue, the last eight years: in the viewer's registry scope, or the province's
/// counts for those without a registry (counts only, no personal data).
/// </summary>
public sealed class RegistryYearsChart(CertGuardDbContext db, TimeProvider clock) : IWorkbenchCharts
{
    public string? Policy => null;

    public async Task<IReadOnlyList<WorkbenchChart>> ChartsAsync(AccessScope scope, CancellationToken ct)
    {
        var year = ChinaTime.Today(clock).Year;
        var from = new DateOnly(year - 7, 1, 1);
        var certificates = scope.CanBrowseRegistry ? db.Certificates : db.Certificates.IgnoreQueryFilters();
        var byYear = await certificates.AsNoTracking().Where(c => c.FirstIssuedOn >= from)
            .GroupBy(c => c.FirstIssuedOn.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        var years = Enumerable.Range(year - 7, 8).ToList();
        return [new("registry-years", "Workbench.Chart.RegistryYears", "bar", years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(),
            [new("Workbench.Series.Certificates", years.Select(y => (decimal?)(byYear.FirstOrDefault(b => b.Year == y)?.Count ?? 0)).ToList())])];
    }
}

/// <summary>Audit entries per day, the last fourteen days (the auditor's and the province office's).</summary>
public sealed class AuditDaysChart(CertGuardDbContext db, TimeProvider clock) : IWorkbenchCharts
{
    public string? Policy => AccountServices.AuditPolicy;

    public async Task<IReadOnlyList<WorkbenchChart>> ChartsAsync(AccessScope scope, CancellationToken ct)
    {
        if (scope.Role != Role.Auditor) return [];
        var first = ChinaTime.Today(clock).AddDays(-13);
        var since = ChinaTime.StartOfDay(first);
        var at = await db.AuditEntries.AsNoTracking().Where(e => e.At >= since).Select(e => e.At).ToListAsync(ct);
        var days = Enumerable.Range(0, 14).Select(first.AddDays).ToList();
        return [new("audit-days", "Workbench.Chart.AuditDays", "line", days.Select(d => d.ToString("MM-dd", CultureInfo.InvariantCulture)).ToList(),
            [new("Workbench.Series.Entries", days.Select(d => (decimal?)at.Count(a => ChinaTime.DateOf(a) == d)).ToList())])];
    }
}
