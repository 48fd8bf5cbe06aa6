using CertGuard.Core.ReferenceData;
using Microsoft.EntityFrameworkCore;
using static CertGuard.Data.Campaigns.Sources.IndicatorQueries;

namespace CertGuard.Data.Campaigns.Sources;

/// <summary>
/// Section 二's penalties (20, 21) and the institutions dealt with (24), from the administrative cases' decided penalty
/// lines: each line is one penalty on one party (the organisation's and a person's are separate lines), counted in the
/// window of the case's decision (决定).
/// </summary>
public sealed class CaseIndicators(CertGuardDbContext db) : IIndicatorSource
{
    private static readonly PenaltyParty[] Organisations = [PenaltyParty.Employer, PenaltyParty.Institution];
    private static readonly PenaltyParty[] Persons = [PenaltyParty.ResponsiblePerson, PenaltyParty.Holder];

    private static readonly Dictionary<string, PenaltyParty[]> LineCodes = new(StringComparer.Ordinal)
    {
        ["20"] = Enum.GetValues<PenaltyParty>(),
        ["20.org"] = Organisations,
        ["20.person"] = Persons,
    };

    public IReadOnlyCollection<string> Codes { get; } = ["20", "20.org", "20.person", "21", "24"];

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct)
    {
        var figures = new List<(string, IEnumerable<(string, decimal)>)>();
        foreach (var (code, parties) in LineCodes)
        {
            var rows = await Lines(window, null, parties).GroupBy(l => l.City).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            figures.Add((code, rows.Select(r => (r.Key, (decimal)r.N))));
        }
        var fines = await Fined(window, null).GroupBy(l => l.City).Select(g => new { g.Key, Yuan = g.Sum(l => l.Yuan) }).ToListAsync(ct);
        figures.Add(("21", fines.Select(r => (r.Key, WanYuan(r.Yuan)))));
        var institutions = await Lines(window, null, [PenaltyParty.Institution]).GroupBy(l => l.City)
            .Select(g => new { g.Key, N = g.Select(l => l.Party).Distinct().Count() }).ToListAsync(ct);
        figures.Add(("24", institutions.Select(r => (r.Key, (decimal)r.N))));
        return ByCity(figures);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct)
    {
        if (LineCodes.TryGetValue(code, out var parties))
            return (await Lines(window, cityCode, parties).ToListAsync(ct)).Select(l => Record(l, 1m)).NewestFirst();
        if (code == "21")
            return (await Fined(window, cityCode).ToListAsync(ct)).Select(l => Record(l, WanYuan(l.Yuan))).NewestFirst();
        if (code == "24")
        {
            // One record per institution (the distinct count): its newest penalty in the window.
            var lines = await Lines(window, cityCode, [PenaltyParty.Institution]).ToListAsync(ct);
            return lines.GroupBy(l => l.Party).Select(g => Record(g.MaxBy(l => (l.At, l.Id))!, 1m)).NewestFirst();
        }
        throw NotMine(code);
    }

    /// <summary>Fines are reported in 万元 (10,000 yuan), exactly.</summary>
    private static decimal WanYuan(long yuan) => yuan / 10000m;

    private static IndicatorRecord Record(LineRow l, decimal amount) =>
        new("Statistics.Record.Penalty", l.Id,
            Join(Persons.Contains(l.PartyKind) ? Name(l.Party) : l.Party, Audit.AuditRedaction.Mask(l.Title), l.Yuan > 0 ? $"罚款 {l.Yuan} 元" : l.Measures), l.At, $"/cases/{l.CaseId}", amount);

    // Member-initialised (not positional) so that the queries can filter and group on the projection.
    private sealed class LineRow
    {
        public Guid Id { get; init; }
        public Guid CaseId { get; init; }
        public string City { get; init; } = "";
        public string Title { get; init; } = "";
        public PenaltyParty PartyKind { get; init; }
        public string Party { get; init; } = "";
        public long Yuan { get; init; }
        public string Measures { get; init; } = "";
        public DateTimeOffset At { get; init; }
    }

    // The lines have no scope filter of their own: they are read through their (filtered) cases.
    private IQueryable<LineRow> Lines(IndicatorWindow window, string? city, PenaltyParty[] parties)
    {
        var cases = db.EnforcementCases.AsNoTracking().Within(window, c => c.RegionCode, c => c.DecidedAt);
        if (city is not null) cases = cases.Where(c => c.RegionCode == city);
        return from c in cases
               from f in c.Fines
               where parties.Contains(f.Party)
               select new LineRow
               {
                   Id = f.Id, CaseId = c.Id, City = c.RegionCode, Title = c.Title, PartyKind = f.Party, Party = f.PartyName, Yuan = f.AmountYuan,
                   Measures = f.Measures, At = c.DecidedAt!.Value,
               };
    }

    private IQueryable<LineRow> Fined(IndicatorWindow window, string? city) =>
        Lines(window, city, Enum.GetValues<PenaltyParty>()).Where(l => l.Yuan > 0);
}
