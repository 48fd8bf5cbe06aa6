using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Credentials;

/// <summary>
/// Handing out a place on a status list is a change of the list: its <c>Version</c> (the concurrency token, and what
/// a verifier holding the list compares) moves, so two instances counting from the same version cannot both write
/// the same <c>Assigned</c>, and a cached list sees the change.
/// </summary>
public abstract class StatusListVersionTests(CertGuardApp app)
{
    [Fact]
    public async Task A_place_handed_out_moves_the_lists_version_and_a_count_from_the_old_version_is_refused()
    {
        const string city = "441200"; // 肇庆: this test alone issues here
        var today = ChinaTime.Today(TimeProvider.System);
        await using var stale = app.SystemDb();
        var openList = await stale.StatusLists.Where(l => l.Authority == city).OrderByDescending(l => l.Id).FirstAsync();
        var (version, assigned) = (openList.Version, openList.Assigned);

        // Another instance issues a valid certificate (its bit stays clear: only the count changes).
        Certificate issued;
        await using (var other = app.SystemDb())
        {
            var authority = await other.Organisations.AsNoTracking().FirstAsync(o => o.Kind == "issuing-authority" && o.RegionCode == city);
            const string first17 = "44120219900101771";
            var id = ResidentIdNumber.Parse(first17 + ResidentIdNumber.ComputeCheckCharacter(first17), today);
            issued = Certificate.Issue(new IssueRequest(id, "版本测试", "1.1", today, city, authority.Id, null, "test"), CertificateRules.Order30, TimeProvider.System);
            other.Certificates.Add(issued);
            await other.SaveChangesAsync();
        }
        Assert.Equal(openList.Id, issued.StatusListId);
        await using (var check = app.SystemDb())
        {
            var stored = await check.StatusLists.AsNoTracking().SingleAsync(l => l.Id == openList.Id);
            Assert.Equal(assigned + 1, stored.Assigned);
            Assert.True(stored.Version > version, "a place handed out must move the list's version");
        }

        // This instance still holds the list at the old version: its count is refused, not written over the other's.
        openList.CountAssignment();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
    }

    [Fact]
    public async Task A_bulk_loads_count_moves_the_version_even_with_no_bit_set()
    {
        const string city = "441300"; // 惠州: this test alone changes its list
        long version;
        string listId;
        await using (var db = app.SystemDb())
        {
            var list = await db.StatusLists.Where(l => l.Authority == city).OrderByDescending(l => l.Id).FirstAsync();
            (version, listId) = (list.Version, list.Id);
            list.AddBulk(3, [], DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await using (var db = app.SystemDb())
            Assert.True((await db.StatusLists.AsNoTracking().SingleAsync(l => l.Id == listId)).Version > version);
    }
}

public sealed class SqliteStatusListVersionTests(SqliteApp app) : StatusListVersionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStatusListVersionTests(PostgresApp app) : StatusListVersionTests(app), IClassFixture<PostgresApp>;
