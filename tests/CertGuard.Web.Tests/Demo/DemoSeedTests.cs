using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Regions;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Demo;

/// <summary>The demo province a fresh database is seeded with, and the credentials file printed for it.</summary>
public abstract class DemoSeedTests(CertGuardApp app)
{
    private static readonly string[] Roles =
    [
        "province-office", "city-office", "issuing-authority", "police", "market-regulation", "cyberspace", "employer",
        "training-institution", "exam-centre", "auditor", "national-exchange", "inspector", "enforcement-lead",
    ];

    [Fact]
    public void Credentials_file_has_an_account_and_an_api_key_for_each_role_and_sample_certificates()
    {
        var lines = File.ReadAllLines(app.CredentialsFile);

        Assert.Equal(Roles.Order(), Role.All.Select(r => r.Id).Order());
        foreach (var role in Roles)
        {
            var account = Assert.Single(lines, l => l.StartsWith($"account {role} ", StringComparison.Ordinal)).Split(' ');
            Assert.Equal(4, account.Length);
            Assert.True(account[3].Length >= 10, $"{role}: password shorter than 10");
            var key = Assert.Single(lines, l => l.StartsWith($"api-key {role} ", StringComparison.Ordinal)).Split(' ');
            Assert.Equal(3, key.Length);
            Assert.Matches("^cgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", key[2]);
        }
        var samples = lines.Where(l => l.StartsWith("sample-certificate ", StringComparison.Ordinal)).ToList();
        Assert.True(samples.Count >= 3);
        Assert.Distinct(samples);
        Assert.Distinct(lines.Where(l => l.StartsWith("account ", StringComparison.Ordinal)).Select(l => l.Split(' ')[3]));
    }

    [Fact]
    public async Task Sample_certificates_exist_in_the_demo_city_and_are_in_the_state_printed()
    {
        var clock = app.Clock();
        var rules = app.Rules();
        await using var db = app.SystemDb();
        foreach (var line in app.Credentials.Where(l => l.StartsWith("sample-certificate ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ');
            var (number, name, state) = (parts[1], parts[2], parts[3]);
            var found = await db.Certificates.AsNoTracking().Where(c => c.Number == number && c.HolderName == name).ToListAsync();
            Assert.NotEmpty(found);
            Assert.Contains(found, c => c.RegionCode == "440100" && c.StateAt(clock, rules).ToString() == state);
        }
    }

    [Fact]
    public async Task Every_seeded_certificate_number_is_a_valid_resident_id_number_matching_its_holder()
    {
        var today = app.Today();
        await using var db = app.SystemDb();
        var certificates = await db.Certificates.AsNoTracking().ToListAsync();

        Assert.Equal(400, certificates.Count);
        foreach (var c in certificates)
        {
            Assert.True(ResidentIdNumber.TryParse(c.Number, today, out var id, out var error), $"{c.Number}: {error?.Code}");
            Assert.Equal(c.Number, id.Value);
            Assert.Equal(id.Sex, c.HolderSex);
            Assert.True(id.AgeOn(c.FirstIssuedOn) >= 18, $"{c.Number} was under 18 at first issue");
        }
        Assert.Equal(certificates.Count, certificates.Select(c => (c.Number, c.ItemCode)).Distinct().Count());
    }

    [Fact]
    public async Task Demo_holders_have_given_names_that_match_their_sex()
    {
        const string FemaleOnly = "芳娜敏静丽艳娟秀霞桂英红燕玲雪梅婷佳欣莉萍琳慧颖丹晶";
        const string MaleOnly = "伟强磊军洋勇杰涛明超刚辉建国志海波宁斌俊峰东健飞鹏林鑫浩宇成龙";
        await using var db = app.SystemDb();
        var holders = await db.Certificates.AsNoTracking().Select(c => new { c.HolderName, c.HolderSex }).ToListAsync();

        var wrong = holders.Where(h => h.HolderName.Length > 1 && h.HolderName[^1..].Concat(h.HolderName.Length > 2 ? h.HolderName[^2..^1] : "")
            .Any(ch => (h.HolderSex == Core.Holders.Sex.Male ? FemaleOnly : MaleOnly).Contains(ch))).ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong.Take(10).Select(h => $"{h.HolderName} {h.HolderSex}")));
        Assert.Contains(holders, h => h.HolderSex == Core.Holders.Sex.Female);
    }

    [Fact]
    public async Task Certificates_cover_every_city_and_several_states()
    {
        var clock = app.Clock();
        var rules = app.Rules();
        await using var db = app.SystemDb();
        var certificates = await db.Certificates.AsNoTracking().ToListAsync();

        var cities = certificates.Select(c => c.RegionCode).ToHashSet();
        Assert.Equal(21, RegionDirectory.Guangdong.Cities.Count);
        Assert.All(cities, c => Assert.True(RegionDirectory.Guangdong.IsCity(c), c));
        Assert.Equal(RegionDirectory.Guangdong.Cities.Select(c => c.Code).Order(), cities.Order());

        var states = certificates.GroupBy(c => c.StateAt(clock, rules)).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(states.Count >= 5, "states seen: " + string.Join(", ", states.Keys));
        Assert.True(states.GetValueOrDefault(CertificateState.Valid) > certificates.Count / 4);
    }

    [Fact]
    public async Task Seed_is_recorded_in_the_audit_log_as_one_bulk_entry_not_one_per_certificate()
    {
        await using var db = app.SystemDb();
        var bulk = Assert.Single(await db.AuditEntries.AsNoTracking().Where(e => e.Action == "bulk-generate").ToListAsync());
        Assert.Contains("400", bulk.After, StringComparison.Ordinal);
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Certificate) && e.Action == "create"));
    }

    [Fact]
    public async Task Each_demo_account_has_its_role_and_a_region_of_its_reach()
    {
        await using var db = app.SystemDb();
        foreach (var role in Role.All)
        {
            var userName = app.Account(role.Id).UserName;
            var account = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
            Assert.Equal(role.Id, account.RoleId);
            Assert.Equal(role.Reach == RoleReach.Province ? "440000" : "440100", account.RegionCode);
            Assert.NotNull(account.OrganisationId);
            Assert.True(account.LockoutEnabled);
        }
    }
}

public sealed class SqliteDemoSeedTests(SqliteApp app) : DemoSeedTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDemoSeedTests(PostgresApp app) : DemoSeedTests(app), IClassFixture<PostgresApp>;
