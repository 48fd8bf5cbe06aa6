using CertGuard.Core.Enforcement;
using CertGuard.Core.Enforcement.Transfers;
using CertGuard.Data.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement.Transfers;

/// <summary>
/// Rows 34–40 of the statistics table (五、打击制假售假犯罪), counted per city from the transfers and the leads:
/// <list type="bullet">
/// <item>34 向公安机关通报线索: leads of the city's inbox closed as referred to the police, at the referral. A web-watch
/// suspect counts when it came into the inbox as a lead and that lead was referred to the police; a suspect the
/// cyberspace office refers outside the inbox is not counted here, so nothing is counted twice.</item>
/// <item>35 移送公安机关案件: transfers sent to the police, at the transfer.</item>
/// <item>36 公安机关立案: transfers the police filed (first decision or on reconsideration), at the filing.</item>
/// <item>37–40: sums of what the police recorded on transfers filed in the window (suspects caught, dens destroyed,
/// fake-website gangs broken, forged certificates seized), at the filing.</item>
/// </list>
/// </summary>
public sealed class TransferIndicators(CertGuardDbContext db) : IIndicatorSource
{
    public const string Leads = "34";
    public const string Transfers = "35";
    public const string Filed = "36";
    public const string Suspects = "37";
    public const string Dens = "38";
    public const string Gangs = "39";
    public const string Seized = "40";

    public IReadOnlyCollection<string> Codes { get; } = [Leads, Transfers, Filed, Suspects, Dens, Gangs, Seized];

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(window);
        // Per code, then turned into the per-city figures the calculator reads (IndicatorQueries.ByCity).
        var result = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);

        result[Leads] = await ReferredLeads(window).GroupBy(l => l.RegionCode).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => (decimal)g.N, ct);
        result[Transfers] = await SentIn(window).GroupBy(t => t.RegionCode).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => (decimal)g.N, ct);
        result[Filed] = await FiledIn(window).GroupBy(t => t.RegionCode).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => (decimal)g.N, ct);
        result[Suspects] = await FiledIn(window).GroupBy(t => t.RegionCode).Select(g => new { g.Key, N = g.Sum(t => t.SuspectsCaught) })
            .ToDictionaryAsync(g => g.Key, g => (decimal)g.N, ct);
        result[Dens] = await FiledIn(window).GroupBy(t => t.RegionCode).Select(g => new { g.Key, N = g.Sum(t => t.DensDestroyed) })
            .ToDictionaryAsync(g => g.Key, g => (decimal)g.N, ct);
        result[Gangs] = await FiledIn(window).GroupBy(t => t.RegionCode).Select(g => new { g.Key, N = g.Sum(t => t.WebsiteGangsBroken) })
            .ToDictionaryAsync(g => g.Key, g => (decimal)g.N, ct);
        result[Seized] = await FiledIn(window).GroupBy(t => t.RegionCode).Select(g => new { g.Key, N = g.Sum(t => t.ForgedCertificatesSeized) })
            .ToDictionaryAsync(g => g.Key, g => (decimal)g.N, ct);
        return Campaigns.Sources.IndicatorQueries.ByCity(result.Select(r => (r.Key, r.Value.Select(v => (v.Key, v.Value)))));
    }

    public async Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (code == Leads)
        {
            var leads = await ReferredLeads(window).Where(l => l.RegionCode == cityCode).ToListAsync(ct);
            return [.. leads.OrderByDescending(l => l.ClosedAt)
                .Select(l => new IndicatorRecord("Transfers.Record.Lead", l.Id, Short(l.Summary), l.ClosedAt!.Value, $"/leads/{l.Id}"))];
        }
        if (code == Transfers)
        {
            var sent = await SentIn(window).Where(t => t.RegionCode == cityCode).ToListAsync(ct);
            return [.. sent.OrderByDescending(t => t.TransferredAt).Select(t => Record(t, t.TransferredAt!.Value, 1))];
        }
        Func<CaseTransfer, int>? amount = code switch
        {
            Filed => _ => 1,
            Suspects => t => t.SuspectsCaught,
            Dens => t => t.DensDestroyed,
            Gangs => t => t.WebsiteGangsBroken,
            Seized => t => t.ForgedCertificatesSeized,
            _ => null,
        };
        if (amount is null) return [];
        var filed = await FiledIn(window).Where(t => t.RegionCode == cityCode).ToListAsync(ct);
        return [.. filed.Where(t => amount(t) > 0).OrderByDescending(t => t.FiledAt).Select(t => Record(t, t.FiledAt!.Value, amount(t)))];
    }

    private IQueryable<InspectionLead> ReferredLeads(IndicatorWindow w)
    {
        var police = LeadDepartments.Police;
        return db.InspectionLeads.AsNoTracking()
            .Where(l => l.Disposition == LeadDisposition.Referred && l.ReferredTo == police).Within(w, l => l.RegionCode, l => l.ClosedAt);
    }

    private IQueryable<CaseTransfer> SentIn(IndicatorWindow w) =>
        db.CaseTransfers.AsNoTracking().Within(w, t => t.RegionCode, t => t.TransferredAt);

    private IQueryable<CaseTransfer> FiledIn(IndicatorWindow w) =>
        db.CaseTransfers.AsNoTracking().Where(t => t.State == TransferState.Filed).Within(w, t => t.RegionCode, t => t.FiledAt);

    private static IndicatorRecord Record(CaseTransfer t, DateTimeOffset at, int amount) =>
        new("Transfers.Record.Transfer", t.Id, Short($"{t.LetterNumber} {t.CaseTitle}".Trim()), at, $"/transfers/{t.Id}", amount);

    private static string Short(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
