using CertGuard.Core.WebWatch;
using Microsoft.EntityFrameworkCore;
using static CertGuard.Data.Campaigns.Sources.IndicatorQueries;

namespace CertGuard.Data.Campaigns.Sources;

/// <summary>
/// Section 四 (假冒网站与网上售假), 28–32, from the web watch's suspects: a site or listing counts in the window of its
/// verification as fake (核实), of its referral to 网信 (移交), or of its disposal (处置). One whose re-check found it
/// back online is reopened and no longer counts as confirmed or closed until it is worked again. Market regulation's
/// cases on online sales (33) are its answers "case filed" to the referrals it received, in the window of the answer.
/// </summary>
public sealed class WebWatchIndicators(CertGuardDbContext db) : IIndicatorSource
{
    private static readonly DisposalOutcome[] SiteGone = [DisposalOutcome.Blocked, DisposalOutcome.Closed];

    public IReadOnlyCollection<string> Codes { get; } = ["28", "29", "30", "31", "32", "33"];

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct)
    {
        var figures = new List<(string, IEnumerable<(string, decimal)>)>();
        foreach (var code in Codes)
        {
            var rows = code switch
            {
                "29" => await Referred(window, null).GroupBy(r => r.City).Select(g => new { g.Key, N = g.Select(r => r.Id).Distinct().Count() }).ToListAsync(ct),
                "33" => await CasesFiled(window, null).GroupBy(r => r.City).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct),
                _ => await Suspects(code, window, null).GroupBy(s => s.RegionCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct),
            };
            figures.Add((code, rows.Select(r => (r.Key, (decimal)r.N))));
        }
        return ByCity(figures);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct)
    {
        if (!Codes.Contains(code)) throw NotMine(code);
        if (code == "29")
        {
            // One record per site (the distinct count): its newest referral to 网信 in the window.
            var referrals = await Referred(window, cityCode).ToListAsync(ct);
            return referrals.GroupBy(r => r.Id).Select(g => g.MaxBy(r => r.At)!)
                .Select(r => Record(r.Id, r.Key, r.Platform, "移交网信部门", r.At)).NewestFirst();
        }
        if (code == "33")
        {
            var cases = await CasesFiled(window, cityCode).ToListAsync(ct);
            return cases.Select(r => new IndicatorRecord("Statistics.Record.Suspect", r.ReferralId, Join(r.Platform, r.Key, $"市场监管立案查处（{r.Document}）"), r.At, $"/webwatch/suspect/{r.Id}"))
                .NewestFirst();
        }
        var suspects = await Suspects(code, window, cityCode).ToListAsync(ct);
        return suspects.Select(s => code is "28" or "31"
                ? Record(s.Id, s.Key, s.Platform, "核实为假冒", s.VerifiedAt!.Value)
                : Record(s.Id, s.Key, s.Platform, s.Outcome switch { DisposalOutcome.Blocked => "已封堵", DisposalOutcome.Closed => "已关闭", _ => "已下架" }, s.DisposedAt!.Value))
            .NewestFirst();
    }

    private static IndicatorRecord Record(Guid id, string key, string? platform, string what, DateTimeOffset at) =>
        new("Statistics.Record.Suspect", id, Join(platform, key, what), at, $"/webwatch/suspect/{id}");

    private IQueryable<Suspect> InCity(string? city) =>
        city is null ? db.Suspects.AsNoTracking() : db.Suspects.AsNoTracking().Where(s => s.RegionCode == city);

    private IQueryable<Suspect> Suspects(string code, IndicatorWindow window, string? city)
    {
        var q = InCity(city);
        return code switch
        {
            "28" => q.Where(s => s.Kind == SuspectKind.Website && s.IsFake == true).Within(window, s => s.RegionCode, s => s.VerifiedAt),
            "30" => q.Where(s => s.Kind == SuspectKind.Website && s.Outcome != null && SiteGone.Contains(s.Outcome.Value)).Within(window, s => s.RegionCode, s => s.DisposedAt),
            "31" => q.Where(s => s.Kind == SuspectKind.Listing && s.IsFake == true).Within(window, s => s.RegionCode, s => s.VerifiedAt),
            "32" => q.Where(s => s.Kind == SuspectKind.Listing && s.Outcome == DisposalOutcome.Delisted).Within(window, s => s.RegionCode, s => s.DisposedAt),
            _ => throw NotMine(code),
        };
    }

    // Member-initialised (not positional) so that the queries can filter and group on the projection.
    private sealed class ReferralRow
    {
        public Guid Id { get; init; }
        public string City { get; init; } = "";
        public string Key { get; init; } = "";
        public string? Platform { get; init; }
        public DateTimeOffset At { get; init; }
        public string? Document { get; init; }
        public Guid ReferralId { get; init; }
    }

    // Referrals have no scope filter: they are read through their (filtered) suspects. Websites only: a listing goes
    // to the platform or to market regulation.
    private IQueryable<ReferralRow> Referred(IndicatorWindow window, string? city) =>
        (from r in db.SuspectReferrals.AsNoTracking()
         join s in InCity(city) on r.SuspectId equals s.Id
         where s.Kind == SuspectKind.Website && r.Department == ReferralDepartments.Cyberspace
         select new ReferralRow { Id = s.Id, City = s.RegionCode, Key = s.Key, Platform = s.Platform, At = r.ReferredAt })
        .Within(window, r => r.City, r => r.At);

    // One case per referral answered "case filed" by market regulation; a suspect referred twice may give two cases.
    private IQueryable<ReferralRow> CasesFiled(IndicatorWindow window, string? city) =>
        (from r in db.SuspectReferrals.AsNoTracking()
         join s in InCity(city) on r.SuspectId equals s.Id
         where r.Department == ReferralDepartments.MarketRegulation && r.Answer == ReferralAnswer.CaseFiled && r.AnsweredAt != null
         select new ReferralRow { Id = s.Id, City = s.RegionCode, Key = s.Key, Platform = s.Platform, At = r.AnsweredAt!.Value, Document = r.AnswerDocument, ReferralId = r.Id })
        .Within(window, r => r.City, r => r.At);
}
