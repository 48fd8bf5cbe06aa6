using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Core.Verification;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using static CertGuard.Data.Campaigns.Sources.IndicatorQueries;

namespace CertGuard.Data.Campaigns.Sources;

/// <summary>
/// Section 一 (用人单位自查自纠), codes 1–9 but the rate (4), from the employers' roster checks, the verification log
/// and the rectification items. A check counts in the window of its moment, a rectification item in that of its
/// confirmation by the city office.
/// </summary>
public sealed class EmployerIndicators(CertGuardDbContext db, IActor actor) : IIndicatorSource
{
    /// <summary>Verdicts of 无证上岗 (7): certificates, but none for the position's item, or the certificate revoked or cancelled.</summary>
    public static readonly RosterVerdict[] Uncertified = [RosterVerdict.WrongItem, RosterVerdict.Revoked];

    /// <summary>Verdicts of a fake (6, 8, 15): no certificate under that number, or a number no certificate can have.</summary>
    public static readonly RosterVerdict[] Fake = [RosterVerdict.NotFound, RosterVerdict.BadId];

    /// <summary>The same for the verification log's outcomes.</summary>
    public static readonly VerificationOutcome[] FakeOutcomes = [VerificationOutcome.NotFound, VerificationOutcome.Malformed];

    private static readonly VerificationChannel[] EmployerChannels = [VerificationChannel.RosterCheck, VerificationChannel.PublicQuery, VerificationChannel.QrCheck];

    public IReadOnlyCollection<string> Codes { get; } = ["1", "2", "3", "5", "6", "7", "8", "9"];

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct)
    {
        var figures = new List<(string, IEnumerable<(string, decimal)>)>();
        var employers = await Checks(window, null).GroupBy(c => c.RegionCode)
            .Select(g => new { g.Key, N = g.Select(c => c.OrganisationId).Distinct().Count() }).ToListAsync(ct);
        figures.Add(("1", employers.Select(r => (r.Key, (decimal)r.N))));
        // The four worker figures in one pass over the roster rows, and 5 and 6 in one over the log (the two largest
        // tables the sheet reads): a filtered count per figure instead of a query per figure.
        var (v2, v3, v7, v8) = (WorkerCodes["2"], WorkerCodes["3"], WorkerCodes["7"], WorkerCodes["8"]);
        var workers = await Workers(window, null, [.. WorkerCodes.Values.SelectMany(v => v).Distinct()]).GroupBy(w => w.City)
            .Select(g => new
            {
                g.Key,
                N2 = g.Where(w => v2.Contains(w.Verdict)).Select(w => w.Number).Distinct().Count(),
                N3 = g.Where(w => v3.Contains(w.Verdict)).Select(w => w.Number).Distinct().Count(),
                N7 = g.Where(w => v7.Contains(w.Verdict)).Select(w => w.Number).Distinct().Count(),
                N8 = g.Where(w => v8.Contains(w.Verdict)).Select(w => w.Number).Distinct().Count(),
            }).ToListAsync(ct);
        figures.Add(("2", workers.Select(r => (r.Key, (decimal)r.N2))));
        figures.Add(("3", workers.Select(r => (r.Key, (decimal)r.N3))));
        figures.Add(("7", workers.Select(r => (r.Key, (decimal)r.N7))));
        figures.Add(("8", workers.Select(r => (r.Key, (decimal)r.N8))));
        var fake = VerificationCodes["6"];
        var asked = await Verifications(window, null, VerificationCodes["5"]).GroupBy(v => v.City)
            .Select(g => new { g.Key, N5 = g.Count(), N6 = g.Count(v => fake.Contains(v.Outcome)) }).ToListAsync(ct);
        figures.Add(("5", asked.Select(r => (r.Key, (decimal)r.N5))));
        figures.Add(("6", asked.Select(r => (r.Key, (decimal)r.N6))));
        var confirmed = await Confirmed(window, null).GroupBy(i => i.RegionCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        figures.Add(("9", confirmed.Select(r => (r.Key, (decimal)r.N))));
        return ByCity(figures);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct)
    {
        switch (code)
        {
            case "1":
            {
                var checks = await Checks(window, cityCode).Select(c => new { c.Id, c.OrganisationId, c.At, c.Workers }).ToListAsync(ct);
                var names = await NamesAsync(checks.Select(c => c.OrganisationId), ct);
                return checks.GroupBy(c => c.OrganisationId).Select(g =>
                {
                    var newest = g.MaxBy(c => c.At)!;
                    return new IndicatorRecord("Statistics.Record.Employer", g.Key,
                        Join(names.GetValueOrDefault(g.Key), $"自查 {g.Count()} 次，最近一次 {newest.Workers} 人"), newest.At, EmployerLink(cityCode));
                }).NewestFirst();
            }
            case "5" or "6":
            {
                var rows = await Verifications(window, cityCode, VerificationCodes[code]).OrderByDescending(v => v.At)
                    .Select(v => new { v.Id, v.At, v.Channel, v.Outcome, v.Number, v.CertificateId, v.Employer }).ToListAsync(ct);
                return rows.Select(v => new IndicatorRecord("Statistics.Record.Verification", v.Id,
                    Join(v.Employer, ChannelName(v.Channel), Number(v.Number), OutcomeName(v.Outcome)), v.At,
                    // A number the registry does not hold has no certificate page: the city's employers list shows who asked.
                    v.CertificateId is { } id ? $"/registry/certificate/{id}" : EmployerLink(cityCode))).NewestFirst();
            }
            case "9":
            {
                var items = await Confirmed(window, cityCode).ToListAsync(ct);
                var names = await NamesAsync(items.Select(i => i.OrganisationId), ct);
                return items.Select(i => new IndicatorRecord("Statistics.Record.Rectification", i.Id,
                    Join(names.GetValueOrDefault(i.OrganisationId), Name(i.WorkerName), Number(i.Number), i.Verdict.ChineseName()), i.DecidedAt!.Value,
                    $"/rectifications?employer={i.OrganisationId}&status=confirmed")).NewestFirst();
            }
            default:
            {
                if (!WorkerCodes.TryGetValue(code, out var verdicts)) throw NotMine(code);
                var rows = await Workers(window, cityCode, verdicts).ToListAsync(ct);
                var names = await NamesAsync(rows.Select(r => r.OrganisationId), ct);
                // One record per worker (the distinct count): his newest row in the window.
                return rows.GroupBy(r => r.Number).Select(g => g.MaxBy(r => (r.At, r.Id))!).Select(r => new IndicatorRecord("Statistics.Record.RosterWorker", r.Id,
                    Join(names.GetValueOrDefault(r.OrganisationId), Name(r.Name), Number(r.Number), r.Verdict.ChineseName()), r.At,
                    r.Verdict == RosterVerdict.Valid ? EmployerLink(cityCode) : $"/rectifications?employer={r.OrganisationId}&status=all")).NewestFirst();
            }
        }
    }

    // 2: every worker counted in the rate; 3: of them valid; 7 and 8: without a certificate for the item, with a fake.
    private static readonly Dictionary<string, RosterVerdict[]> WorkerCodes = new(StringComparer.Ordinal)
    {
        ["2"] = [.. RosterVerdicts.All.Where(v => v.IsCounted())],
        ["3"] = [RosterVerdict.Valid],
        ["7"] = Uncertified,
        ["8"] = Fake,
    };

    private static readonly Dictionary<string, VerificationOutcome[]> VerificationCodes = new(StringComparer.Ordinal)
    {
        ["5"] = Enum.GetValues<VerificationOutcome>(),
        ["6"] = FakeOutcomes,
    };

    private IQueryable<RosterCheck> Checks(IndicatorWindow window, string? city)
    {
        var q = db.Set<RosterCheck>().AsNoTracking().Within(window, c => c.RegionCode, c => c.At);
        if (city is not null) q = q.Where(c => c.RegionCode == city);
        return q;
    }

    // Member-initialised (not positional) so that the queries can filter and group on the projection.
    private sealed class WorkerRow
    {
        public Guid Id { get; init; }
        public string City { get; init; } = "";
        public Guid OrganisationId { get; init; }
        public string Name { get; init; } = "";
        public string Number { get; init; } = "";
        public RosterVerdict Verdict { get; init; }
        public DateTimeOffset At { get; init; }
    }

    // Rows carry no city: the check's (scope-filtered by region) is theirs.
    private IQueryable<WorkerRow> Workers(IndicatorWindow window, string? city, RosterVerdict[] verdicts) =>
        from r in db.Set<RosterRow>().AsNoTracking()
        join c in Checks(window, city) on r.CheckId equals c.Id
        where verdicts.Contains(r.Verdict)
        select new WorkerRow { Id = r.Id, City = c.RegionCode, OrganisationId = r.OrganisationId, Name = r.Name, Number = r.Number, Verdict = r.Verdict, At = c.At };

    private sealed class VerificationRow
    {
        public Guid Id { get; init; }
        public string City { get; init; } = "";
        public string Employer { get; init; } = "";
        public DateTimeOffset At { get; init; }
        public VerificationChannel Channel { get; init; }
        public VerificationOutcome Outcome { get; init; }
        public string? Number { get; init; }
        public Guid? CertificateId { get; init; }
    }

    // The log and organisations have no scope filter: a city actor is held to its city here, an organisation to itself.
    private IQueryable<VerificationRow> Verifications(IndicatorWindow window, string? city, VerificationOutcome[] outcomes)
    {
        var scopeCity = actor.ScopeCity();
        var own = actor.Scope?.OwnOrganisationId;
        var employer = Role.Employer.Id;
        var q = from v in db.VerificationLog.AsNoTracking()
                join o in db.Organisations.AsNoTracking() on v.OrganisationId equals o.Id
                where o.Kind == employer
                      && EmployerChannels.Contains(v.Channel) && outcomes.Contains(v.Outcome)
                      && (own == null || o.Id == own)
                select new VerificationRow
                {
                    Id = v.Id, City = o.RegionCode, Employer = o.Name, At = v.At, Channel = v.Channel, Outcome = v.Outcome,
                    Number = v.NumberAsked, CertificateId = v.CertificateId,
                };
        q = q.Within(window, v => v.City, v => v.At);
        if (scopeCity is not null) q = q.Where(v => v.City == scopeCity);
        if (city is not null) q = q.Where(v => v.City == city);
        return q;
    }

    private IQueryable<RectificationItem> Confirmed(IndicatorWindow window, string? city)
    {
        var q = db.Set<RectificationItem>().AsNoTracking().Where(i => i.Status == RectificationStatus.Confirmed)
            .Within(window, i => i.RegionCode, i => i.DecidedAt);
        if (city is not null) q = q.Where(i => i.RegionCode == city);
        return q;
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static string EmployerLink(string city) => $"/employers?city={city}";

    private static string ChannelName(VerificationChannel channel) => channel switch
    {
        VerificationChannel.RosterCheck => "名册核验",
        VerificationChannel.PublicQuery => "官方查询",
        VerificationChannel.QrCheck => "扫码核验",
        _ => "复审核验",
    };

    private static string OutcomeName(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Valid => "有效",
        VerificationOutcome.ReviewDue => "待复审",
        VerificationOutcome.ReviewOverdue => "逾期未复审",
        VerificationOutcome.ReviewFailed => "复审不合格",
        VerificationOutcome.Expired => "已过期",
        VerificationOutcome.Revoked => "已撤销",
        VerificationOutcome.Cancelled => "已注销",
        VerificationOutcome.NotFound => "查无此证",
        VerificationOutcome.NameMismatch => "姓名不符",
        VerificationOutcome.WrongItem => "项目不符",
        VerificationOutcome.Malformed => "证号无效",
        _ => "二维码未通过",
    };
}
