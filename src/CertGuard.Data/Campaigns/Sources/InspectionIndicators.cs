using CertGuard.Core.Employers;
using CertGuard.Core.Inspections;
using Microsoft.EntityFrameworkCore;
using static CertGuard.Data.Campaigns.Sources.IndicatorQueries;

namespace CertGuard.Data.Campaigns.Sources;

/// <summary>
/// Section 二's inspections (10–19) and the institutions checked (23): an inspection, its workers and findings count in
/// the window in which the inspection was completed (检查结束); an order to correct in that of its issue.
/// </summary>
public sealed class InspectionIndicators(CertGuardDbContext db) : IIndicatorSource
{
    public IReadOnlyCollection<string> Codes { get; } = ["10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "23"];

    // 12 and 13 are people (distinct numbers), 14 and 15 certificates checked (every worker entry).
    private static readonly Dictionary<string, (Func<IQueryable<WorkerRow>, IQueryable<WorkerRow>> Filter, bool Distinct)> WorkerCodes = new(StringComparer.Ordinal)
    {
        ["12"] = (q => q, true),
        ["13"] = (q => q.Where(w => w.Verdict == RosterVerdict.Valid && !w.QrForged), true),
        ["14"] = (q => q, false),
        ["15"] = (q => q.Where(w => w.QrForged || EmployerIndicators.Fake.Contains(w.Verdict)), false),
    };

    private static readonly Dictionary<string, FindingType[]> FindingCodes = new(StringComparer.Ordinal)
    {
        ["16"] = [FindingType.Uncertified],
        ["17"] = [FindingType.FakeCertificate],
        ["18"] = [FindingType.LentOrImpersonated, FindingType.Altered],
    };

    private static readonly Dictionary<string, InspectionTarget> OrganisationCodes = new(StringComparer.Ordinal)
    {
        ["11"] = InspectionTarget.Employer,
        ["23"] = InspectionTarget.Institution,
    };

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct)
    {
        var figures = new List<(string, IEnumerable<(string, decimal)>)>();
        var done = await Done(window, null).GroupBy(i => i.RegionCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        figures.Add(("10", done.Select(r => (r.Key, (decimal)r.N))));
        foreach (var (code, target) in OrganisationCodes)
        {
            var rows = await Done(window, null).Where(i => i.Target == target).GroupBy(i => i.RegionCode)
                .Select(g => new { g.Key, N = g.Select(i => i.OrganisationId).Distinct().Count() }).ToListAsync(ct);
            figures.Add((code, rows.Select(r => (r.Key, (decimal)r.N))));
        }
        foreach (var (code, (filter, distinct)) in WorkerCodes)
        {
            var grouped = filter(Workers(window, null)).GroupBy(w => w.City);
            var rows = distinct
                ? await grouped.Select(g => new { g.Key, N = g.Select(w => w.Number).Distinct().Count() }).ToListAsync(ct)
                : await grouped.Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            figures.Add((code, rows.Select(r => (r.Key, (decimal)r.N))));
        }
        foreach (var (code, types) in FindingCodes)
        {
            var rows = await Findings(window, null, types).GroupBy(f => f.City).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            figures.Add((code, rows.Select(r => (r.Key, (decimal)r.N))));
        }
        var orders = await Orders(window, null).GroupBy(o => o.RegionCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        figures.Add(("19", orders.Select(r => (r.Key, (decimal)r.N))));
        return ByCity(figures);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct)
    {
        if (code == "10")
            return (await Done(window, cityCode).ToListAsync(ct)).Select(Record).NewestFirst();
        if (OrganisationCodes.TryGetValue(code, out var target))
        {
            // One record per organisation (the distinct count): its newest inspection in the window.
            var inspections = await Done(window, cityCode).Where(i => i.Target == target).ToListAsync(ct);
            return inspections.GroupBy(i => i.OrganisationId).Select(g => Record(g.MaxBy(i => i.CompletedAt)!)).NewestFirst();
        }
        if (WorkerCodes.TryGetValue(code, out var worker))
        {
            var rows = await worker.Filter(Workers(window, cityCode)).ToListAsync(ct);
            var chosen = worker.Distinct ? rows.GroupBy(w => w.Number).Select(g => g.MaxBy(w => (w.At, w.Id))!) : rows;
            return chosen.Select(w => new IndicatorRecord("Statistics.Record.InspectionWorker", w.Id,
                Join(w.Organisation, Name(w.Name), Number(w.Number), w.QrForged ? "二维码伪造" : w.Verdict.ChineseName()), w.At,
                $"/inspections/{w.InspectionId}")).NewestFirst();
        }
        if (FindingCodes.TryGetValue(code, out var types))
        {
            var rows = await Findings(window, cityCode, types).ToListAsync(ct);
            return rows.Select(f => new IndicatorRecord("Statistics.Record.Finding", f.Id, Join(f.Organisation, f.Type.ChineseName(), Number(f.Number)), f.At,
                $"/inspections/{f.InspectionId}")).NewestFirst();
        }
        if (code == "19")
        {
            var orders = await Orders(window, cityCode).ToListAsync(ct);
            return orders.Select(o => new IndicatorRecord("Statistics.Record.CorrectionOrder", o.Id,
                Join(o.OrganisationName, $"限 {o.Deadline:yyyy-MM-dd} 前整改"), o.IssuedAt, $"/inspections/{o.InspectionId}")).NewestFirst();
        }
        throw NotMine(code);
    }

    private static IndicatorRecord Record(Inspection i) =>
        new("Statistics.Record.Inspection", i.Id, Join(i.OrganisationName, i.Place), i.CompletedAt!.Value, $"/inspections/{i.Id}");

    private IQueryable<Inspection> Done(IndicatorWindow window, string? city)
    {
        var q = db.Set<Inspection>().AsNoTracking().Where(i => i.Status == InspectionStatus.Done)
            .Within(window, i => i.RegionCode, i => i.CompletedAt);
        if (city is not null) q = q.Where(i => i.RegionCode == city);
        return q;
    }

    // Member-initialised (not positional) so that the queries can filter and group on the projection.
    private sealed class WorkerRow
    {
        public Guid Id { get; init; }
        public Guid InspectionId { get; init; }
        public string City { get; init; } = "";
        public string Organisation { get; init; } = "";
        public string Name { get; init; } = "";
        public string Number { get; init; } = "";
        public RosterVerdict Verdict { get; init; }
        public bool QrForged { get; init; }
        public DateTimeOffset At { get; init; }
    }

    private IQueryable<WorkerRow> Workers(IndicatorWindow window, string? city) =>
        from w in db.Set<InspectionWorker>().AsNoTracking()
        join i in Done(window, city) on w.InspectionId equals i.Id
        select new WorkerRow
        {
            Id = w.Id, InspectionId = i.Id, City = i.RegionCode, Organisation = i.OrganisationName, Name = w.Name, Number = w.Number,
            Verdict = w.Verdict, QrForged = w.QrForged, At = i.CompletedAt!.Value,
        };

    private sealed class FindingRow
    {
        public Guid Id { get; init; }
        public Guid InspectionId { get; init; }
        public string City { get; init; } = "";
        public string Organisation { get; init; } = "";
        public FindingType Type { get; init; }
        public string? Number { get; init; }
        public DateTimeOffset At { get; init; }
    }

    private IQueryable<FindingRow> Findings(IndicatorWindow window, string? city, FindingType[] types) =>
        from f in db.Set<InspectionFinding>().AsNoTracking()
        join i in Done(window, city) on f.InspectionId equals i.Id
        where types.Contains(f.Type)
        select new FindingRow
        {
            Id = f.Id, InspectionId = i.Id, City = i.RegionCode, Organisation = i.OrganisationName, Type = f.Type, Number = f.CertificateNumber,
            At = i.CompletedAt!.Value,
        };

    private IQueryable<CorrectionOrder> Orders(IndicatorWindow window, string? city)
    {
        var q = db.Set<CorrectionOrder>().AsNoTracking().Within(window, o => o.RegionCode, o => o.IssuedAt);
        if (city is not null) q = q.Where(o => o.RegionCode == city);
        return q;
    }
}
