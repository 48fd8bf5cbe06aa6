using System.Net;
using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Testing;
using CertGuard.Web.Tests.Employers;
using CertGuard.Web.Tests.Import;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Uploads;

/// <summary>
/// Two roster uploads of one employer at once (issue 18, item 4) used to leave two current rosters, and from then on
/// the oversight pages answered 500. One current roster per employer, by the database and by serialising the uploads.
/// </summary>
public abstract class RosterRaceTests(CertGuardApp app)
{
    [Fact]
    public async Task Parallel_uploads_leave_one_current_roster_and_the_readers_answer()
    {
        var employer = await app.NewEmployerAsync();
        var workers = await app.IssueAsync(3, "1.1");
        var roster = ImportFiles.Utf8([RosterArrangement.Header, .. workers.Select(w => RosterArrangement.Line(w))]);

        for (var round = 0; round < 12; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => employer.Api.UploadAsync(roster)));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        }

        await using (var db = app.SystemDb())
        {
            Assert.Equal(24, await db.Set<RosterCheck>().CountAsync(c => c.OrganisationId == employer.Id));
            Assert.Equal(1, await db.Set<RosterCheck>().CountAsync(c => c.OrganisationId == employer.Id && c.IsCurrent));
        }
        var office = app.ApiClient(Role.CityOffice.Id);
        Assert.Equal(HttpStatusCode.OK, (await employer.Api.GetAsync("/api/v1/roster/checks/current")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/v1/compliance/employers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/v1/compliance/employers/{employer.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(Role.CityOffice.Id)).GetAsync("/employers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(employer.UserName, employer.Password)).GetAsync("/roster")).StatusCode);
    }

    [Fact]
    public async Task The_database_refuses_a_second_current_roster_of_an_employer()
    {
        var employer = await app.NewEmployerAsync();
        await using var db = app.SystemDb();
        db.Add(new RosterCheck(employer.Id, RosterArrangement.Guangzhou, RosterCheckKind.Upload, "a.csv", "test", app.Clock().GetUtcNow()));
        await db.SaveChangesAsync();
        db.Add(new RosterCheck(employer.Id, RosterArrangement.Guangzhou, RosterCheckKind.Upload, "b.csv", "test", app.Clock().GetUtcNow()));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}

public sealed class SqliteRosterRaceTests(SqliteApp app) : RosterRaceTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRosterRaceTests(PostgresApp app) : RosterRaceTests(app), IClassFixture<PostgresApp>;
