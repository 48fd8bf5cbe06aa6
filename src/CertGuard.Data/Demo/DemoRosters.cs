using CertGuard.Data.Accounts;
using System.Text;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Holders;
using CertGuard.Core.Organisations;
using CertGuard.Core.Time;
using CertGuard.Core.Verification;
using CertGuard.Data.Employers;
using CertGuard.Data.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Demo;

/// <summary>
/// Employers' self-check on a fresh start: the demo employer has two positions and a checked roster with a verdict of
/// every kind (so its rate, rectification items and the city office's list show something); a second Guangzhou
/// employer is at 100 %; one self-registration waits for the city office. The roster goes through the real checker,
/// twice: six weeks ago (whose rectification items are now overdue) and today.
/// </summary>
internal static class DemoRosters
{
    private static readonly string[] Electrician = ["1.1", "1.2"];
    private static readonly string[] Welder = ["2.1", "2.2"];

    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, CertificateRules rules, IReadOnlyList<Organisation> organisations, CancellationToken ct)
    {
        var employers = organisations.Where(o => o.Kind == Role.Employer.Id && o.RegionCode == DemoOrganisations.DemoCity).Take(2).ToList();
        if (employers.Count < 2) return;
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var wanted = Electrician.Concat(Welder).Append("3.1").ToList();
        var pool = (await db.Certificates.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.RegionCode == DemoOrganisations.DemoCity && wanted.Contains(c.ItemCode))
                .OrderByDescending(c => c.Number).Take(1500).ToListAsync(ct))
            .GroupBy(c => c.Number).Where(g => g.Count() == 1).Select(g => g.Single()).ToList();

        var electrician = Position.Define(employers[0].Id, "电工", Electrician, "厂区高低压配电设备的运行、维护与检修。", now);
        var welder = Position.Define(employers[0].Id, "焊工", Welder, "钢结构焊接与热切割。", now);
        db.AddRange(electrician, welder);
        await db.SaveChangesAsync(ct);

        var used = new HashSet<string>(StringComparer.Ordinal);
        CertificateState State(Certificate c) => c.StateOn(today, rules);
        bool In(Certificate c, string[] items) => items.Contains(c.ItemCode, StringComparer.Ordinal);
        var rows = new List<(string Name, string Number, string Position)>();
        // A small demo (tests seed a few hundred certificates) may lack a state: the roster takes what there is.
        void Add(Func<Certificate, bool> where, Func<Certificate, (string, string, string)> row)
        {
            if (pool.FirstOrDefault(c => !used.Contains(c.Number) && where(c)) is not { } c) return;
            used.Add(c.Number);
            rows.Add(row(c));
        }

        for (var i = 0; i < 5; i++)
            Add(c => State(c) == CertificateState.Valid && (In(c, Electrician) || In(c, Welder)), c => (c.HolderName, c.Number, In(c, Electrician) ? "电工" : "焊工"));
        Add(c => State(c) == CertificateState.ReviewDue && In(c, Welder), c => (c.HolderName, c.Number, "焊工"));
        Add(c => State(c) == CertificateState.Valid && c.ItemCode == "3.1", c => (c.HolderName, c.Number, "电工"));
        foreach (var state in new[] { CertificateState.Expired, CertificateState.Revoked, CertificateState.ReviewOverdue })
            Add(c => State(c) == state && In(c, Electrician), c => (c.HolderName, c.Number, "电工"));
        Add(c => State(c) == CertificateState.Valid && In(c, Welder), c => ("王小明", c.Number, "焊工"));
        Add(c => State(c) == CertificateState.Valid, c => (c.HolderName, c.Number, ""));
        rows.Add(("李伟", Unknown(), "焊工"));
        rows.Add(("陈芳", BadNumber(), "电工"));
        rows.Add(rows[0]);

        var log = new VerificationLog();
        var options = Options.Create(new EmployerOptions());
        // A first check six weeks ago, before two valid workers joined: the rate over time, and items now overdue.
        // No log writer here: the limits count what is stored, without waiting for it.
        var limits = new NameCheckLimits(db, log, clock, Options.Create(new NameCheckLimitOptions { LogWait = TimeSpan.Zero }));
        // The demo employer's own account name, as if it had uploaded the rosters itself.
        var employer = new SystemActor("gz.employer");
        var earlier = new RosterChecker(db, log, limits, new Earlier(clock, TimeSpan.FromDays(45)), rules, options, employer);
        await earlier.CheckFileAsync(employers[0].Id, "员工花名册（初次自查）.csv", Csv(rows.Skip(2)), ct);
        var checker = new RosterChecker(db, log, limits, clock, rules, options, employer);
        await checker.CheckFileAsync(employers[0].Id, "2026年员工花名册.csv", Csv(rows), ct);
        var compliant = pool.Where(c => !used.Contains(c.Number) && State(c) == CertificateState.Valid).Take(3)
            .Select(c => (c.HolderName, c.Number, "")).ToList();
        if (compliant.Count > 0) await new RosterChecker(db, log, limits, clock, rules, options, new SystemActor("demo")).CheckFileAsync(employers[1].Id, "持证人员名单.csv", Csv(compliant), ct);

        // The checker queues its verification records for the web's log writer; here they are stored at once.
        var records = new List<VerificationRecord>();
        while (log.Queue.TryRead(out var record)) records.Add(record);
        db.VerificationLog.AddRange(records);
        await db.SaveChangesAsync(ct);
        await new SignalDetector(db, clock, Options.Create(new SignalOptions())).ExamineAsync(records, ct);

        db.Organisations.Add(Organisation.RegisterEmployer(
            new EmployerDetails("广州白云冷链仓储有限公司", CreditCode("91440111MA5CXK8"), DemoOrganisations.DemoCity, "物流", "黄经理", "020-86001234"),
            byOffice: false, "self", now));
        await db.SaveChangesAsync(ct);
    }

    private sealed class Earlier(TimeProvider clock, TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow() - by;
    }

    private static MemoryStream Csv(IEnumerable<(string Name, string Number, string Position)> rows)
    {
        var text = new StringBuilder("姓名,证件号码,岗位\n");
        foreach (var (name, number, position) in rows) text.Append(name).Append(',').Append(number).Append(',').Append(position).Append('\n');
        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>A well-formed number no demo certificate has.</summary>
    private static string Unknown()
    {
        const string first17 = "44010619800808777";
        return first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>A number whose check character is wrong: no resident ID number can have it.</summary>
    private static string BadNumber()
    {
        const string first17 = "44010619900101123";
        return first17 + (ResidentIdNumber.ComputeCheckCharacter(first17) == '0' ? '1' : '0');
    }

    private static string CreditCode(string first15)
    {
        var first17 = first15 + "0X";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }
}
