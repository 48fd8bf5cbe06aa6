using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Data.Credentials;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Credentials;

/// <summary>
/// When an authority's list fills up in the middle of a save, the next certificate opens a new list; a place given up
/// by a replaced card keeps its bit set and is never handed out again.
/// </summary>
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

    [Fact]
    public async Task A_replaced_cards_place_stays_set_and_is_never_handed_out_again()
    {
        const string city = "441800"; // 清远: this test alone changes its list
        var today = ChinaTime.Today(TimeProvider.System);
        Guid authorityId;
        Certificate replaced;
        await using (var db = app.SystemDb())
        {
            authorityId = (await db.Organisations.AsNoTracking().FirstAsync(o => o.Kind == "issuing-authority" && o.RegionCode == city)).Id;
            replaced = Certificate.Issue(new IssueRequest(Holder("44180219850101001", today), "换证测试", "1.1", today, city, authorityId, null, "test"), CertificateRules.Order30, TimeProvider.System);
            db.Certificates.Add(replaced);
            await db.SaveChangesAsync();
        }
        var (oldList, oldIndex) = (replaced.StatusListId!, replaced.StatusIndex!.Value);

        await using (var db = app.SystemDb())
        {
            var stored = await db.Certificates.SingleAsync(c => c.Id == replaced.Id);
            stored.Replace("换证测试新", "test", TimeProvider.System);
            await db.SaveChangesAsync();
            Assert.NotEqual((oldList, oldIndex), (stored.StatusListId!, stored.StatusIndex!.Value));
            var list = StatusList.FromBytes((await db.StatusLists.AsNoTracking().SingleAsync(l => l.Id == oldList)).Bits);
            Assert.True(list[oldIndex], "the old card's place must stay revoked");
            Assert.False(StatusList.FromBytes((await db.StatusLists.AsNoTracking().SingleAsync(l => l.Id == stored.StatusListId)).Bits)[stored.StatusIndex!.Value]);
        }

        // Leave one free place on the list (bits set everywhere else, as if revoked): a new certificate must take it,
        // not the retired one, which no certificate holds either.
        int free;
        await using (var db = app.SystemDb())
        {
            var record = await db.StatusLists.SingleAsync(l => l.Id == oldList);
            var held = (await db.Certificates.IgnoreQueryFilters().Where(c => c.StatusListId == oldList).Select(c => c.StatusIndex!.Value).ToListAsync()).ToHashSet();
            var bits = StatusList.FromBytes(record.Bits);
            free = Enumerable.Range(0, StatusList.Size).First(i => !held.Contains(i) && !bits[i] && i != oldIndex);
            record.AddBulk(0, Enumerable.Range(0, StatusList.Size).Where(i => i != free && !bits[i]).ToList(), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await using (var db = app.SystemDb())
        {
            var next = Certificate.Issue(new IssueRequest(Holder("44180219850101002", today), "新证测试", "1.1", today, city, authorityId, null, "test"), CertificateRules.Order30, TimeProvider.System);
            db.Certificates.Add(next);
            await db.SaveChangesAsync();
            Assert.Equal((oldList, free), (next.StatusListId!, next.StatusIndex!.Value));
        }
    }

    private static ResidentIdNumber Holder(string first17, DateOnly today) =>
        ResidentIdNumber.Parse(first17 + ResidentIdNumber.ComputeCheckCharacter(first17), today);
}

public sealed class SqliteStatusListOverflowTests(SqliteApp app) : StatusListOverflowTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStatusListOverflowTests(PostgresApp app) : StatusListOverflowTests(app), IClassFixture<PostgresApp>;
