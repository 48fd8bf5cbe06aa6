using System.Net;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using static CertGuard.Web.Tests.Lifecycle.LifecycleSteps;

namespace CertGuard.Web.Tests.Lifecycle;

/// <summary>
/// The actions on an issued certificate through <c>POST /api/v1/certificates/{id}/{action}</c>: each rule of Order
/// No. 30 the domain applies, and each refusal with its stable code (422, or 409 when the state is in the way).
/// </summary>
public abstract class LifecycleActionTests(CertGuardApp app)
{
    private static readonly string[] UnknownReason = ["Tired"];
    private static readonly string[] OneReason = ["FailedHealthCheck"];
    private static readonly string[] TwoReasons = ["FailedHealthCheck", "MissedTrainingOrExam"];

    private HttpClient Authority => app.ApiClient(Role.IssuingAuthority.Id);

    private static async Task<JsonElement> RefusedAsync(Task<HttpResponseMessage> response, HttpStatusCode status, string code)
    {
        var problem = await (await response).AssertProblemAsync(status, code);
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()), $"{code} has no Chinese message.");
        return problem;
    }

    [Fact]
    public async Task A_passed_review_inside_the_window_moves_the_next_review_and_is_recorded_with_who_and_why()
    {
        var issued = await IssueDueForReviewAsync(app, Authority);
        var due = issued.Date("nextReviewDue");

        var reviewed = await ActOkAsync(Authority, issued.Id(), "reviews", new { version = issued.Version(), passed = true, note = "体检合格，培训考试合格" });

        Assert.Equal(due.AddYears(3) < reviewed.Date("validTo") ? due.AddYears(3) : reviewed.Date("validTo"), reviewed.Date("nextReviewDue"));
        Assert.Equal(issued.Version() + 1, reviewed.Version());
        var step = reviewed.History()[^1];
        Assert.Equal(nameof(CertificateEventKind.ReviewPassed), step.GetProperty("kind").GetString());
        Assert.Equal(app.Today().ToString("yyyy-MM-dd"), step.GetProperty("effectiveOn").GetString());
        Assert.Equal("体检合格，培训考试合格", step.GetProperty("details").GetString());
        Assert.Contains(app.Account(Role.IssuingAuthority.Id).UserName, step.GetProperty("actor").GetString(), StringComparison.Ordinal);

        // The change and its history entry are in the audit log, under the officer's account.
        await using var db = app.SystemDb();
        var audit = await db.AuditEntries.Where(e => e.EntityId == issued.Id().ToString() && e.Action == "update").ToListAsync();
        var update = Assert.Single(audit);
        Assert.Equal(app.Account(Role.IssuingAuthority.Id).UserName, update.Actor);
        Assert.Contains("NextReviewDue", update.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_outside_its_window_needs_the_authoritys_approval_and_its_grounds()
    {
        var fresh = await IssueAsync(Authority, await NewHolderAsync(app), "1.1", app.Today().AddDays(-5));
        var id = fresh.Id();

        await RefusedAsync(ActAsync(Authority, id, "reviews", new { version = fresh.Version(), passed = true }), HttpStatusCode.UnprocessableEntity, "CERT-REVIEW-WINDOW");
        await RefusedAsync(ActAsync(Authority, id, "reviews", new { version = fresh.Version(), passed = true, outsideWindowApproved = true }),
            HttpStatusCode.UnprocessableEntity, "CERT-OVERRIDE-NOTE-REQUIRED");

        var approved = await ActOkAsync(Authority, id, "reviews", new { version = fresh.Version(), passed = true, outsideWindowApproved = true, note = "外派出国，提前复审" });
        var details = approved.History()[^1].GetProperty("details").GetString();
        Assert.Contains("经发证机关批准", details, StringComparison.Ordinal);
        Assert.Contains("外派出国，提前复审", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_review_needs_its_reasons_and_makes_the_certificate_invalid_for_good()
    {
        var issued = await IssueDueForReviewAsync(app, Authority);
        var id = issued.Id();
        var v = issued.Version();

        await RefusedAsync(ActAsync(Authority, id, "reviews", new { version = v, passed = false }), HttpStatusCode.UnprocessableEntity, "CERT-REVIEW-REASON-REQUIRED");
        await RefusedAsync(ActAsync(Authority, id, "reviews", new { version = v, passed = false, failureReasons = UnknownReason }),
            HttpStatusCode.UnprocessableEntity, "CERT-REVIEW-REASON-UNKNOWN");
        await RefusedAsync(ActAsync(Authority, id, "reviews", new { version = v, passed = true, failureReasons = OneReason }),
            HttpStatusCode.UnprocessableEntity, "CERT-REVIEW-REASON-UNEXPECTED");

        var failed = await ActOkAsync(Authority, id, "reviews",
            new { version = v, passed = false, failureReasons = TwoReasons });
        Assert.Equal(nameof(CertificateState.ReviewFailed), failed.State());
        Assert.Equal("健康体检不合格；未按规定参加安全培训或考试不合格", failed.History()[^1].GetProperty("reason").GetString());

        await RefusedAsync(ActAsync(Authority, id, "reviews", new { version = failed.Version(), passed = true }), HttpStatusCode.UnprocessableEntity, "CERT-REVIEW-INVALID");
        await RefusedAsync(ActAsync(Authority, id, "reissue", new { version = failed.Version() }), HttpStatusCode.UnprocessableEntity, "CERT-NOT-LIVE");
    }

    [Fact]
    public async Task A_revoked_certificate_cannot_be_reviewed_revoked_again_or_cancelled_for_another_reason_than_its_revocation()
    {
        var issued = await IssueDueForReviewAsync(app, Authority);
        var id = issued.Id();
        await RefusedAsync(ActAsync(Authority, id, "revocation", new { version = issued.Version() }), HttpStatusCode.UnprocessableEntity, "CERT-REVOCATION-REASON");
        await RefusedAsync(ActAsync(Authority, id, "revocation", new { version = issued.Version(), reason = "1" }), HttpStatusCode.UnprocessableEntity, "CERT-REVOCATION-REASON");
        await RefusedAsync(ActAsync(Authority, id, "cancellation", new { version = issued.Version(), reason = "CertificateRevoked" }),
            HttpStatusCode.UnprocessableEntity, "CERT-NOT-REVOKED");

        var revoked = await ActOkAsync(Authority, id, "revocation", new { version = issued.Version(), reason = "ResponsibleForAccident" });
        Assert.Equal(nameof(CertificateState.Revoked), revoked.State());
        Assert.Equal(JsonValueKind.Null, revoked.GetProperty("reapplicationBarredUntil").ValueKind);

        await RefusedAsync(ActAsync(Authority, id, "reviews", new { version = revoked.Version(), passed = true }), HttpStatusCode.UnprocessableEntity, "CERT-REVIEW-NOT-LIVE");
        await RefusedAsync(ActAsync(Authority, id, "revocation", new { version = revoked.Version(), reason = "FraudOrBribery" }), HttpStatusCode.Conflict, "CERT-ALREADY-REVOKED");

        var cancelled = await ActOkAsync(Authority, id, "cancellation", new { version = revoked.Version(), reason = "CertificateRevoked", note = "撤销后注销" });
        Assert.Equal(nameof(CertificateState.Cancelled), cancelled.State());
        await RefusedAsync(ActAsync(Authority, id, "cancellation", new { version = cancelled.Version(), reason = "HolderDied" }), HttpStatusCode.Conflict, "CERT-ALREADY-CANCELLED");
        await RefusedAsync(ActAsync(Authority, id, "replacement", new { version = cancelled.Version() }), HttpStatusCode.UnprocessableEntity, "CERT-NOT-LIVE");

        await using var db = app.SystemDb();
        var stored = await db.Certificates.SingleAsync(c => c.Id == id);
        Assert.True(stored.StatusBit);
        Assert.Equal(cancelled.Version(), stored.Version);
    }

    [Fact]
    public async Task The_six_year_interval_is_granted_once_for_ten_years_without_violations()
    {
        var issued = await IssueAsync(Authority, await NewHolderAsync(app), "1.1", app.Today().AddDays(-30));
        var id = issued.Id();
        await RefusedAsync(ActAsync(Authority, id, "extended-interval", new { version = issued.Version(), continuousYears = 9 }), HttpStatusCode.UnprocessableEntity, "CERT-INTERVAL-YEARS");
        await RefusedAsync(ActAsync(Authority, id, "extended-interval", new { version = issued.Version(), continuousYears = 12, hasViolations = true }),
            HttpStatusCode.UnprocessableEntity, "CERT-INTERVAL-VIOLATIONS");

        var granted = await ActOkAsync(Authority, id, "extended-interval", new { version = issued.Version(), continuousYears = 12 });
        Assert.True(granted.GetProperty("extendedReviewInterval").GetBoolean());
        Assert.Equal(granted.Date("validTo"), granted.Date("nextReviewDue"));
        Assert.Equal(nameof(CertificateEventKind.ExtendedIntervalGranted), granted.LastEvent());
        await RefusedAsync(ActAsync(Authority, id, "extended-interval", new { version = granted.Version(), continuousYears = 12 }), HttpStatusCode.Conflict, "CERT-INTERVAL-ALREADY");
    }

    [Fact]
    public async Task Renewal_at_the_end_of_validity_starts_a_new_validity_and_is_refused_midway()
    {
        var today = app.Today();
        // Issued almost 6 years ago; its mid-term review was passed (recorded now, dated then) in its window.
        var issued = await IssueAsync(Authority, await NewHolderAsync(app), "1.1", today.AddYears(-6).AddDays(30));
        var id = issued.Id();
        await RefusedAsync(ActAsync(Authority, id, "renewal", new { version = issued.Version(), renewedOn = issued.Date("nextReviewDue").AddDays(-10) }),
            HttpStatusCode.UnprocessableEntity, "CERT-RENEWAL-NOT-DUE");
        var midway = await ActOkAsync(Authority, id, "reviews", new { version = issued.Version(), passed = true, reviewedOn = issued.Date("nextReviewDue").AddDays(-10) });
        Assert.Equal(midway.Date("validTo"), midway.Date("nextReviewDue"));

        var renewed = await ActOkAsync(Authority, id, "renewal", new { version = midway.Version(), note = "延期换证" });

        Assert.Equal(midway.Date("validTo").AddDays(1), renewed.Date("validFrom"));
        Assert.Equal(midway.Date("validTo").AddYears(6), renewed.Date("validTo"));
        Assert.Equal(nameof(CertificateState.Valid), renewed.State());
        Assert.Equal(
            [nameof(CertificateEventKind.ReviewPassed), nameof(CertificateEventKind.Renewed)],
            renewed.History().TakeLast(2).Select(h => h.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Reissue_after_loss_and_replacement_with_a_corrected_name_are_recorded()
    {
        var issued = await IssueAsync(Authority, await NewHolderAsync(app), "1.1", app.Today().AddDays(-30), "王建囯");
        var id = issued.Id();

        var reissued = await ActOkAsync(Authority, id, "reissue", new { version = issued.Version(), note = "本人申请，登报声明作废" });
        Assert.Equal(nameof(CertificateEventKind.Reissued), reissued.LastEvent());
        Assert.Equal("遗失", reissued.History()[^1].GetProperty("reason").GetString());
        Assert.Equal(issued.Date("validTo"), reissued.Date("validTo"));

        var replaced = await ActOkAsync(Authority, id, "replacement", new { version = reissued.Version(), newHolderName = "王建国" });
        Assert.Equal("王建国", replaced.GetProperty("certificate").GetProperty("holderName").GetString());
        var step = replaced.History()[^1];
        Assert.Equal("信息变更", step.GetProperty("reason").GetString());
        Assert.Contains("王建囯", step.GetProperty("details").GetString(), StringComparison.Ordinal);

        var damaged = await ActOkAsync(Authority, id, "replacement", new { version = replaced.Version(), newHolderName = "  " });
        Assert.Equal("损毁", damaged.History()[^1].GetProperty("reason").GetString());
        Assert.Equal("王建国", damaged.GetProperty("certificate").GetProperty("holderName").GetString());
        await RefusedAsync(ActAsync(Authority, id, "replacement", new { version = damaged.Version(), newHolderName = new string('王', 65) }),
            HttpStatusCode.UnprocessableEntity, "CERT-NAME-TOO-LONG");
    }

    [Fact]
    public async Task An_action_is_dated_neither_in_the_future_nor_before_the_last_step()
    {
        var issued = await IssueDueForReviewAsync(app, Authority);
        var id = issued.Id();
        await RefusedAsync(ActAsync(Authority, id, "reviews", new { version = issued.Version(), passed = true, reviewedOn = app.Today().AddDays(1) }),
            HttpStatusCode.UnprocessableEntity, "CERT-DATE-FUTURE");
        await RefusedAsync(ActAsync(Authority, id, "revocation", new { version = issued.Version(), reason = "PhysicallyUnfit", revokedOn = issued.Date("firstIssuedOn").AddDays(-1) }),
            HttpStatusCode.UnprocessableEntity, "CERT-DATE-BEFORE-HISTORY");
        await RefusedAsync(ActAsync(Authority, id, "reissue", new { note = "无版本号" }), HttpStatusCode.UnprocessableEntity, "CERT-VERSION-REQUIRED");

        await using var db = app.SystemDb();
        Assert.Equal(issued.Version(), (await db.Certificates.SingleAsync(c => c.Id == id)).Version);
    }
}

public sealed class SqliteLifecycleActionTests(SqliteApp app) : LifecycleActionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLifecycleActionTests(PostgresApp app) : LifecycleActionTests(app), IClassFixture<PostgresApp>;
