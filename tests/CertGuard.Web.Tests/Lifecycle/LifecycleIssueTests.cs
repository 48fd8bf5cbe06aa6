using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using static CertGuard.Web.Tests.Lifecycle.LifecycleSteps;

namespace CertGuard.Web.Tests.Lifecycle;

/// <summary>
/// 考核合格发证 through <c>POST /api/v1/certificates</c>: in the officer's city, recorded with who and when, audited;
/// refused for a second live certificate of the same holder and item and for a holder barred after fraud.
/// </summary>
public abstract class LifecycleIssueTests(CertGuardApp app)
{
    private HttpClient Authority => app.ApiClient(Role.IssuingAuthority.Id);

    [Fact]
    public async Task Issuing_creates_a_certificate_of_the_officers_city_findable_in_the_registry_with_history_and_audit()
    {
        var number = await NewHolderAsync(app);
        var today = app.Today();
        var response = await PostIssueAsync(Authority, "T" + number, "2.1", today, "  李明  ");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = detail.Id();
        Assert.Equal($"/api/v1/certificates/{id}", response.Headers.Location?.OriginalString);
        var certificate = detail.GetProperty("certificate");
        Assert.Equal("李明", certificate.GetProperty("holderName").GetString());
        Assert.Equal(Guangzhou, certificate.GetProperty("regionCode").GetString());
        Assert.Equal("2.1", certificate.GetProperty("itemCode").GetString());
        Assert.Equal(nameof(CertificateState.Valid), detail.State());
        Assert.Equal(today.AddYears(6).AddDays(-1), detail.Date("validTo"));
        Assert.Equal(today.AddYears(3), detail.Date("nextReviewDue"));
        Assert.Equal(1, detail.Version());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("number").ValueKind);
        var issued = Assert.Single(detail.History());
        Assert.Equal(nameof(CertificateEventKind.Issued), issued.GetProperty("kind").GetString());
        var userName = app.Account(Role.IssuingAuthority.Id).UserName;
        Assert.Contains(userName, issued.GetProperty("actor").GetString(), StringComparison.Ordinal);

        // The authority finds it in its registry by the number printed on the card.
        var search = await Authority.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?q=T{number}");
        Assert.Contains(search.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);

        await using var db = app.SystemDb();
        var stored = await db.Certificates.Include(c => c.History).SingleAsync(c => c.Id == id);
        Assert.Equal(number, stored.Number);
        Assert.NotNull(stored.StatusListId);
        var authority = await db.Organisations.SingleAsync(o => o.Kind == Role.IssuingAuthority.Id && o.RegionCode == Guangzhou);
        Assert.Equal(authority.Id, stored.IssuingAuthorityId);
        var audit = await db.AuditEntries.Where(e => e.Actor == userName && e.Action == "create").ToListAsync();
        Assert.Contains(audit, e => e.EntityType == nameof(Certificate) && e.EntityId == id.ToString());
        Assert.Contains(audit, e => e.EntityType == nameof(CertificateEvent) && e.EntityId == stored.History.Single().Id.ToString());
    }

    [Fact]
    public async Task Issuing_refuses_bad_input_with_its_code_and_a_Chinese_message()
    {
        var number = await NewHolderAsync(app);
        var today = app.Today();
        var wrongCheck = number[..17] + (number[17] == '0' ? '1' : '0');
        var child = "440106" + today.AddYears(-16).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "123";
        child += Core.Holders.ResidentIdNumber.ComputeCheckCharacter(child);

        var cases = new (Task<HttpResponseMessage> Response, string Code)[]
        {
            (PostIssueAsync(Authority, wrongCheck, "1.1", today), "ID-CHECK"),
            (PostIssueAsync(Authority, "", "1.1", today), "ID-EMPTY"),
            (PostIssueAsync(Authority, number, "99.9", today), "CERT-ITEM-UNKNOWN"),
            (PostIssueAsync(Authority, number, "1.1", today, name: " "), "CERT-NAME-REQUIRED"),
            (PostIssueAsync(Authority, number, "1.1", today.AddDays(1)), "CERT-DATE-FUTURE"),
            (PostIssueAsync(Authority, child, "1.1", today), "CERT-UNDER-AGE"),
            (PostIssueAsync(Authority, number, "1.1", today, employerId: Guid.NewGuid()), "CERT-EMPLOYER-UNKNOWN"),
        };
        foreach (var (response, code) in cases)
        {
            var problem = await (await response).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, code);
            Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()), code);
        }
        await using var db = app.SystemDb();
        Assert.False(await db.Certificates.AnyAsync(c => c.Number == number));
    }

    [Fact]
    public async Task An_issue_under_a_known_number_with_another_name_is_refused_unless_the_change_of_name_is_confirmed()
    {
        var number = await NewHolderAsync(app);
        var today = app.Today();
        await IssueAsync(Authority, number, "1.1", today.AddDays(-10), "艾力·买买提");

        var impostor = await PostIssueAsync(Authority, number, "2.1", today, "王建国");
        var problem = await impostor.AssertProblemAsync(HttpStatusCode.Conflict, "CERT-NAME-DIFFERS");
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
        // The same name with the dot typed otherwise is no other name.
        await IssueAsync(Authority, number, "2.1", today, "艾力.买买提");
        var confirmed = await Authority.PostAsJsonAsync("/api/v1/certificates",
            new { idNumber = number, holderName = "王建国", itemCode = "3.1", issuedOn = today, nameChangeConfirmed = true });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("王\0建国")]
    [InlineData("王\u202E建国")]
    public async Task A_name_with_markup_formula_or_control_characters_is_refused_at_issue(string name)
    {
        var response = await PostIssueAsync(Authority, await NewHolderAsync(app), "1.1", app.Today(), name);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "HOLDER-NAME-CHARACTERS");
    }

    [Fact]
    public async Task A_second_live_certificate_for_the_same_holder_and_item_is_refused_in_any_city()
    {
        var number = await NewHolderAsync(app);
        var today = app.Today();
        var first = await IssueAsync(Authority, number, "1.1", today.AddDays(-10));

        var again = await PostIssueAsync(Authority, number, "1.1", today);
        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict, "CERT-LIVE-EXISTS");
        Assert.Contains("补发", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        // Another city's authority cannot issue it either; another item is a certificate of its own.
        var shenzhen = await OtherCityAuthorityAsync(app);
        await (await PostIssueAsync(shenzhen, number, "1.1", today)).AssertProblemAsync(HttpStatusCode.Conflict, "CERT-LIVE-EXISTS");
        var second = await IssueAsync(shenzhen, number, "3.1", today);
        Assert.Equal(Shenzhen, second.GetProperty("certificate").GetProperty("regionCode").GetString());

        await using var db = app.SystemDb();
        Assert.Equal(2, await db.Certificates.CountAsync(c => c.Number == number));
        Assert.Single((await db.Certificates.Include(c => c.History).SingleAsync(c => c.Id == first.Id())).History);
    }

    [Fact]
    public async Task Revoked_for_fraud_the_holder_is_refused_a_new_certificate_for_three_years_in_every_city_and_item()
    {
        var number = await NewHolderAsync(app);
        var today = app.Today();
        var issued = await IssueAsync(Authority, number, "1.1", today.AddDays(-40));
        var revoked = await ActOkAsync(Authority, issued.Id(), "revocation",
            new { version = issued.Version(), reason = "FraudOrBribery", note = "考试替考，经查属实" });
        Assert.Equal(nameof(CertificateState.Revoked), revoked.State());
        Assert.Equal(today.AddYears(3), DateOnly.Parse(revoked.GetProperty("reapplicationBarredUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var revocation = revoked.History()[^1];
        Assert.Equal(nameof(CertificateEventKind.Revoked), revocation.GetProperty("kind").GetString());
        Assert.Equal("以欺骗、贿赂等不正当手段取得", revocation.GetProperty("reason").GetString());
        Assert.Equal("考试替考，经查属实", revocation.GetProperty("details").GetString());

        foreach (var item in new[] { "1.1", "2.1" })
        {
            var problem = await (await PostIssueAsync(Authority, number, item, today)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "CERT-REAPPLY-BARRED");
            Assert.Contains(today.AddYears(3).ToString("yyyy-MM-dd"), problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }
        var shenzhen = await OtherCityAuthorityAsync(app);
        await (await PostIssueAsync(shenzhen, number, "4.1", today)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "CERT-REAPPLY-BARRED");

        await using var db = app.SystemDb();
        Assert.Equal(1, await db.Certificates.CountAsync(c => c.Number == number));
    }

    [Fact]
    public async Task A_new_issue_after_an_ended_certificate_continues_its_record_with_the_whole_history()
    {
        var number = await NewHolderAsync(app);
        var today = app.Today();
        var issued = await IssueAsync(Authority, number, "1.1", today.AddDays(-100));
        var revoked = await ActOkAsync(Authority, issued.Id(), "revocation",
            new { version = issued.Version(), reason = "PhysicallyUnfit", revokedOn = today.AddDays(-50) });

        // Not before the old one ended.
        await (await PostIssueAsync(Authority, number, "1.1", today.AddDays(-51))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "CERT-ISSUE-BEFORE-END");

        var again = await IssueAsync(Authority, number, "1.1", today, "王建国");
        Assert.Equal(issued.Id(), again.Id());
        Assert.Equal(nameof(CertificateState.Valid), again.State());
        Assert.Equal(today, again.Date("firstIssuedOn"));
        Assert.Equal(revoked.Version() + 1, again.Version());
        Assert.Equal(
            [nameof(CertificateEventKind.Issued), nameof(CertificateEventKind.Revoked), nameof(CertificateEventKind.Issued)],
            again.History().Select(h => h.GetProperty("kind").GetString()));

        await using var db = app.SystemDb();
        var stored = await db.Certificates.SingleAsync(c => c.Number == number);
        Assert.Equal(CertificateStatus.Active, stored.Status);
        Assert.False(stored.StatusBit);
    }

    [Fact]
    public async Task A_city_authority_issues_in_its_own_city_only_and_read_only_roles_may_not_issue()
    {
        var number = await NewHolderAsync(app);
        var shenzhen = await OtherCityAuthorityAsync(app);
        var created = await IssueAsync(shenzhen, number, "1.1", app.Today());
        Assert.Equal(Shenzhen, created.GetProperty("certificate").GetProperty("regionCode").GetString());
        // Guangzhou's authority does not see it.
        await (await Authority.GetAsync($"/api/v1/certificates/{created.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound, "CERT-NOT-FOUND");

        foreach (var role in new[] { Role.ProvinceOffice, Role.CityOffice, Role.Police, Role.Auditor, Role.Employer, Role.ExamCentre })
        {
            var refused = await PostIssueAsync(app.ApiClient(role.Id), await NewHolderAsync(app), "1.1", app.Today());
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        var anonymous = await PostIssueAsync(app.CreateClient(), number, "2.1", app.Today());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_unreadable_body_is_a_400_problem_and_an_unknown_certificate_a_404()
    {
        var broken = await Authority.PostAsync("/api/v1/certificates", new StringContent("{\"idNumber\":", System.Text.Encoding.UTF8, "application/json"));
        await broken.AssertProblemAsync(HttpStatusCode.BadRequest, "BAD-REQUEST");
        var wrongType = await Authority.PostAsync($"/api/v1/certificates/{Guid.NewGuid()}/reviews",
            new StringContent("{\"version\":\"one\"}", System.Text.Encoding.UTF8, "application/json"));
        await wrongType.AssertProblemAsync(HttpStatusCode.BadRequest, "BAD-REQUEST");
        await (await ActAsync(Authority, Guid.NewGuid(), "reissue", new { version = 1 })).AssertProblemAsync(HttpStatusCode.NotFound, "CERT-NOT-FOUND");
    }
}

public sealed class SqliteLifecycleIssueTests(SqliteApp app) : LifecycleIssueTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLifecycleIssueTests(PostgresApp app) : LifecycleIssueTests(app), IClassFixture<PostgresApp>;
