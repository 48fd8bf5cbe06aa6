using System.Security.Cryptography;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Organisations;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Demo;

/// <summary>
/// Fills an empty database with a demo province, and adds certificates in bulk for benchmarks.
/// Accounts get random passwords; the caller prints them once.
/// </summary>
public sealed class DemoSeeder(CertGuardDbContext db, UserManager<Account> users, RoleManager<IdentityRole> roles, TimeProvider clock, CertificateRules rules)
{
    private const int BatchSize = 5000;

    private static readonly (Role Role, string UserName, string DisplayName)[] DemoAccounts =
    [
        (Role.ProvinceOffice, "gd.province", "省安委办 演示账号"),
        (Role.CityOffice, "gz.office", "广州市安委办 演示账号"),
        (Role.IssuingAuthority, "gz.authority", "广州市应急管理局 发证员"),
        (Role.Police, "gz.police", "广州市公安局 演示账号"),
        (Role.MarketRegulation, "gz.market", "广州市市场监管局 演示账号"),
        (Role.Cyberspace, "gz.cyberspace", "广州市网信办 演示账号"),
        (Role.Employer, "gz.employer", "广州粤安建设 安全主管"),
        (Role.TrainingInstitution, "gz.training", "广州市安全生产培训中心"),
        (Role.ExamCentre, "gz.exam", "广州市特种作业考试中心"),
        (Role.Auditor, "gd.auditor", "省安委办 审计员"),
        (Role.NationalExchange, "gd.exchange", "全国平台数据交换 接口账号"),
        (Role.Inspector, "gz.inspector", "广州市应急管理局 执法人员"),
        (Role.EnforcementLead, "gz.enforcement", "广州市应急管理局 执法负责人"),
    ];

    /// <summary>Seeds when the database holds no organisation yet; returns the credential lines, or null when it did nothing.</summary>
    public async Task<IReadOnlyList<string>?> SeedIfEmptyAsync(int certificates, int seed, CancellationToken ct = default)
    {
        if (await db.Organisations.AnyAsync(ct)) return null;
        var random = new Random(seed);
        var organisations = DemoOrganisations.Create(random);
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync(ct);

        await InsertCertificatesAsync(organisations, certificates, random, [], ct);

        var lines = new List<string>();
        foreach (var role in Role.All)
        {
            if (!await roles.RoleExistsAsync(role.Id)) await roles.CreateAsync(new IdentityRole(role.Id));
        }
        foreach (var (role, userName, displayName) in DemoAccounts)
        {
            var organisation = OrganisationFor(role, organisations);
            var password = NewPassword();
            var account = new Account
            {
                UserName = userName, DisplayName = displayName, RoleId = role.Id, RegionCode = organisation.RegionCode,
                OrganisationId = organisation.Id, EmailConfirmed = true, LockoutEnabled = true,
            };
            Check(await users.CreateAsync(account, password));
            Check(await users.AddToRoleAsync(account, role.Id));
            lines.Add($"account {role.Id} {userName} {password}");
        }
        foreach (var (role, userName, _) in DemoAccounts)
        {
            var account = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
            var (key, text) = ApiKey.Create($"演示密钥 {role.Name}", account.OrganisationId!.Value, account.Id, clock.GetUtcNow());
            db.ApiKeys.Add(key);
            lines.Add($"api-key {role.Id} {text}");
        }
        await db.SaveChangesAsync(ct);
        await DemoChecks.SeedAsync(db, clock, organisations, ct);
        await DemoRosters.SeedAsync(db, clock, rules, organisations, ct);
        await Enforcement.Cases.CasesDemo.SeedAsync(db, clock, Core.ReferenceData.ReferenceDataSet.Shipped.InForce(ChinaTime.Today(clock)), organisations, ct);
        await Institutions.DemoSelfChecks.SeedAsync(db, clock, organisations, DemoAccounts.Single(a => a.Role == Role.ExamCentre).UserName, ct);
        await LeadsDemo.SeedAsync(db, clock, organisations, ct);
        await WebWatch.WebWatchDemo.SeedAsync(db, clock, ct);
        await Inspections.InspectionsDemo.SeedAsync(db, clock, rules, organisations, ct);
        await Campaigns.CampaignsDemo.SeedAsync(db, clock, ct);
        await Enforcement.Supervision.SupervisionDemo.SeedAsync(db, clock, Core.ReferenceData.ReferenceDataSet.Shipped.InForce(ChinaTime.Today(clock)), ct);
        await Enforcement.TypicalCases.TypicalCasesDemo.SeedAsync(db, clock, ct);
        await Campaigns.CampaignWorkDemo.SeedAsync(db, clock, ct);
        await Enforcement.Transfers.TransfersDemo.SeedAsync(db, clock, organisations, ct);
        await Campaigns.Reports.ReportsDemo.SeedAsync(db, clock, ct);
        lines.AddRange(await SampleCertificatesAsync(ct));
        lines.AddRange(await Tips.TipsDemo.SeedAsync(db, clock, ct));
        return lines;
    }

    /// <summary>Adds <paramref name="count"/> generated certificates to a seeded database (for load and benchmarks).</summary>
    public async Task<int> AddCertificatesAsync(int count, int seed, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
        if (organisations.Count == 0)
        {
            organisations = DemoOrganisations.Create(new Random(seed));
            db.Organisations.AddRange(organisations);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        var taken = new HashSet<(string, string)>();
        await foreach (var key in db.Certificates.IgnoreQueryFilters().AsNoTracking().Select(c => new { c.Number, c.ItemCode }).AsAsyncEnumerable().WithCancellation(ct))
            taken.Add((key.Number, key.ItemCode));
        return await InsertCertificatesAsync(organisations, count, new Random(seed), taken, ct, progress);
    }

    private async Task<int> InsertCertificatesAsync(IReadOnlyList<Organisation> organisations, int count, Random random, HashSet<(string, string)> taken, CancellationToken ct, IProgress<int>? progress = null)
    {
        var generator = new DemoCertificates(random, ChinaTime.Today(clock), rules, organisations, taken);
        var previous = (db.ChangeTracker.AutoDetectChangesEnabled, db.SuppressChangeAudit);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SuppressChangeAudit = true;
        var written = 0;
        try
        {
            foreach (var batch in generator.Generate(count).Chunk(BatchSize))
            {
                db.Certificates.AddRange(batch);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                written += batch.Length;
                progress?.Report(written);
            }
            // Bulk rows are not audited one by one; the load itself is.
            db.SuppressChangeAudit = false;
            db.AddAuditEntry("bulk-generate", nameof(Certificate), "*", $"{{\"count\":{written}}}");
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            (db.ChangeTracker.AutoDetectChangesEnabled, db.SuppressChangeAudit) = previous;
        }
        return written;
    }

    private async Task<IEnumerable<string>> SampleCertificatesAsync(CancellationToken ct)
    {
        var candidates = await db.Certificates.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.RegionCode == DemoOrganisations.DemoCity).OrderBy(c => c.Number).Take(400).ToListAsync(ct);
        return candidates
            .DistinctBy(c => c.Number)
            .GroupBy(c => c.StateAt(clock, rules))
            .OrderBy(g => g.Key)
            .SelectMany(g => g.Take(g.Key == CertificateState.Valid ? 2 : 1))
            .Select(c => $"sample-certificate {c.Number} {c.HolderName} {c.StateAt(clock, rules)}");
    }

    private static Organisation OrganisationFor(Role role, IReadOnlyList<Organisation> organisations)
    {
        // The auditor and the national exchange account work for the province office.
        // Inspectors and their lead work for the city's emergency management bureau, the issuing authority.
        var kind = role == Role.Auditor || role == Role.NationalExchange ? Role.ProvinceOffice.Id
            : role == Role.Inspector || role == Role.EnforcementLead ? Role.IssuingAuthority.Id
            : role.Id;
        var region = role.Reach == RoleReach.Province ? RegionDirectory.Guangdong.Province.Code : DemoOrganisations.DemoCity;
        return organisations.First(o => o.Kind == kind && o.RegionCode == region);
    }

    private static string NewPassword()
    {
        // Random, and always meeting Identity's default rules (upper, lower, digit, symbol).
        const string letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = RandomNumberGenerator.GetItems<char>(letters, 14);
        return $"Cg{new string(chars)}#7";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
