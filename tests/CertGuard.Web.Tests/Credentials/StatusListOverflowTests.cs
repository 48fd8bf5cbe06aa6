using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Data.Credentials;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Credentials;

/// <summary>When an authority's list fills up in the middle of a save, the next certificate opens a new list.</summary>
public abstract class StatusListOverflowTests(CertGuardApp app)
{
    [Fact]
    public async Task A_list_that_fills_during_a_save_is_not_handed_out_again()
    {
        const string city = "445300"; // 云浮: a list of its own for this test
        var today = ChinaTime.Today(TimeProvider.System);
        await using var db = app.SystemDb();
        var authority = await db.Organisations.AsNoTracking().FirstAsync(o => o.Kind == "issuing-authority" && o.RegionCode == city);
        var lists = await db.StatusLists.Where(l => l.Authority == city).OrderBy(l => l.Id).ToListAsync();
        var open = lists.Last();
        // Count the list as nearly full (its recorded count, not its bits), as after 131,071 issues.
        while (open.Assigned < StatusList.Size - 1) open.CountAssignment();
        await db.SaveChangesAsync();

        var certificates = Enumerable.Range(0, 3).Select(i =>
        {
            var first17 = $"4453021990010{i + 1}00{i}";
            var id = ResidentIdNumber.Parse(first17 + ResidentIdNumber.ComputeCheckCharacter(first17), today);
            return Certificate.Issue(new IssueRequest(id, "满表测试", "1.1", today, city, authority.Id, null, "test"), CertificateRules.Order30, TimeProvider.System);
        }).ToList();
        db.Certificates.AddRange(certificates);
        await db.SaveChangesAsync();

        Assert.Equal(open.Id, certificates[0].StatusListId);
        var next = $"{city}-{lists.Count + 1}";
        Assert.All(certificates.Skip(1), c => Assert.Equal(next, c.StatusListId));
        Assert.Equal(StatusList.Size, (await db.StatusLists.AsNoTracking().SingleAsync(l => l.Id == open.Id)).Assigned);
        Assert.Equal(2, (await db.StatusLists.AsNoTracking().SingleAsync(l => l.Id == next)).Assigned);
    }
}

public sealed class SqliteStatusListOverflowTests(SqliteApp app) : StatusListOverflowTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStatusListOverflowTests(PostgresApp app) : StatusListOverflowTests(app), IClassFixture<PostgresApp>;
