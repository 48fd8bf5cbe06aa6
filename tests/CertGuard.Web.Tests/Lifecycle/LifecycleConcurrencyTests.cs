using System.Net;
using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Testing;
using CertGuard.Web.Features.Registry.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertGuard.Web.Tests.Lifecycle.LifecycleSteps;

namespace CertGuard.Web.Tests.Lifecycle;

/// <summary>
/// Two officers cannot silently overwrite each other: every change carries the version its officer saw. And each
/// officer acts only on its own city's certificates; the roles that read may not act.
/// </summary>
public abstract class LifecycleConcurrencyTests(CertGuardApp app)
{
    private HttpClient Authority => app.ApiClient(Role.IssuingAuthority.Id);

    [Fact]
    public async Task A_change_made_on_a_version_someone_else_already_changed_is_refused()
    {
        var issued = await IssueDueForReviewAsync(app, Authority);
        var seen = issued.Version();
        // Officer A records the review; officer B, still looking at the same version, revokes.
        await ActOkAsync(Authority, issued.Id(), "reviews", new { version = seen, passed = true });
        var stale = await ActAsync(await app.SignedInClientAsync(Role.IssuingAuthority.Id), issued.Id(), "revocation", new { version = seen, reason = "PhysicallyUnfit" });

        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict, "CERT-CONFLICT");
        Assert.Contains("刷新", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        await using var db = app.SystemDb();
        var stored = await db.Certificates.Include(c => c.History).SingleAsync(c => c.Id == issued.Id());
        Assert.Equal(CertificateStatus.Active, stored.Status);
        Assert.Equal(CertificateEventKind.ReviewPassed, stored.Chronicle.Last().Kind);
    }

    [Fact]
    public async Task Of_two_simultaneous_changes_on_the_same_version_exactly_one_is_saved()
    {
        var issued = await IssueDueForReviewAsync(app, Authority);
        var first = Authority;
        var second = await app.SignedInClientAsync(Role.IssuingAuthority.Id);

        var answers = await Task.WhenAll(
            ActAsync(first, issued.Id(), "reissue", new { version = issued.Version(), note = "A" }),
            ActAsync(second, issued.Id(), "replacement", new { version = issued.Version(), note = "B" }));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        await answers.Single(a => a.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.Conflict, "CERT-CONFLICT");
        await using var db = app.SystemDb();
        var stored = await db.Certificates.Include(c => c.History).SingleAsync(c => c.Id == issued.Id());
        Assert.Equal(issued.Version() + 1, stored.Version);
        Assert.Equal(2, stored.History.Count);
    }

    [Fact]
    public async Task A_change_saved_by_another_officer_between_reading_and_saving_is_caught_by_the_save()
    {
        var issued = await IssueDueForReviewAsync(app, Authority);
        var officer = new LifecycleOfficer("测试发证员（lifecycle.test）", Guangzhou, Guid.Empty);
        await using var scope = app.Services.CreateAsyncScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<CertificateLifecycle>();

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => lifecycle.ChangeAsync(issued.Id(), issued.Version(), certificate =>
        {
            // Read, version checked; now another officer's change commits before this one saves.
            using var other = app.SystemDb();
            var same = other.Certificates.Include(c => c.History).Single(c => c.Id == issued.Id());
            same.Reissue("另一位发证员", app.Clock());
            other.SaveChanges();
            certificate.Revoke(RevocationReason.PhysicallyUnfit, app.Today(), officer.Name, app.Rules(), app.Clock());
        }, CancellationToken.None));

        Assert.Equal("CERT-CONFLICT", refusal.Code);
        await using var db = app.SystemDb();
        var stored = await db.Certificates.Include(c => c.History).SingleAsync(c => c.Id == issued.Id());
        Assert.Equal(CertificateStatus.Active, stored.Status);
        Assert.Equal(CertificateEventKind.Reissued, stored.Chronicle.Last().Kind);
        Assert.Equal(issued.Version() + 1, stored.Version);
    }

    [Fact]
    public async Task Another_citys_authority_gets_404_for_each_action_on_a_Guangzhou_certificate()
    {
        var issued = await IssueDueForReviewAsync(app, Authority);
        var shenzhen = await OtherCityAuthorityAsync(app);
        var v = issued.Version();
        var attempts = new (string Action, object Body)[]
        {
            ("reviews", new { version = v, passed = true }),
            ("extended-interval", new { version = v, continuousYears = 12 }),
            ("renewal", new { version = v }),
            ("revocation", new { version = v, reason = "FraudOrBribery" }),
            ("cancellation", new { version = v, reason = "HolderDied" }),
            ("reissue", new { version = v }),
            ("replacement", new { version = v, newHolderName = "冒名" }),
        };
        foreach (var (action, body) in attempts)
            await (await ActAsync(shenzhen, issued.Id(), action, body)).AssertProblemAsync(HttpStatusCode.NotFound, "CERT-NOT-FOUND");

        await using var db = app.SystemDb();
        Assert.Equal(v, (await db.Certificates.SingleAsync(c => c.Id == issued.Id())).Version);
    }

    [Fact]
    public async Task Roles_that_only_read_get_403_and_change_nothing()
    {
        var issued = await IssueDueForReviewAsync(app, Authority);
        foreach (var role in new[] { Role.ProvinceOffice, Role.CityOffice, Role.Police, Role.MarketRegulation, Role.Auditor, Role.Employer })
        {
            var client = app.ApiClient(role.Id);
            await (await ActAsync(client, issued.Id(), "revocation", new { version = issued.Version(), reason = "FraudOrBribery" }))
                .AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await ActAsync(client, issued.Id(), "reviews", new { version = issued.Version(), passed = true }))
                .AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        var cookie = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        await (await ActAsync(cookie, issued.Id(), "reissue", new { version = issued.Version() })).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        await using var db = app.SystemDb();
        Assert.Equal(issued.Version(), (await db.Certificates.SingleAsync(c => c.Id == issued.Id())).Version);
    }
}

public sealed class SqliteLifecycleConcurrencyTests(SqliteApp app) : LifecycleConcurrencyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLifecycleConcurrencyTests(PostgresApp app) : LifecycleConcurrencyTests(app), IClassFixture<PostgresApp>;
