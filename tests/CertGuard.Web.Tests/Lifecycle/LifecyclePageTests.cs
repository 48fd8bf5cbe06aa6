using System.Net;
using System.Text.RegularExpressions;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using static CertGuard.Web.Tests.Lifecycle.LifecycleSteps;

namespace CertGuard.Web.Tests.Lifecycle;

/// <summary>
/// The pages: 发证 at /registry/issue and the action forms on a certificate's page, posted as a browser does (with
/// the antiforgery token), redirected back (post-redirect-get), the outcome shown next to the form.
/// </summary>
public abstract class LifecyclePageTests(CertGuardApp app)
{
    private static Dictionary<string, string> Form(string token, params (string Name, string Value)[] fields) =>
        fields.Append(("__RequestVerificationToken", token)).ToDictionary(f => f.Item1, f => f.Item2);

    private static string Location(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Issuing_through_the_page_redirects_to_the_new_certificate_which_shows_it_once()
    {
        var client = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        var page = await client.GetStringAsync("/registry/issue");
        Assert.Contains("data-testid=\"issue-form\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{app.Today():yyyy-MM-dd}\"", page, StringComparison.Ordinal);
        var number = await NewHolderAsync(app);
        var fields = new[] { ("IdNumber", "T" + number), ("HolderName", "赵晓峰"), ("ItemCode", "4.1"), ("IssuedOn", app.Today().ToString("yyyy-MM-dd")) };

        // Without the antiforgery token the post is refused and nothing is issued.
        var forged = await client.PostAsync("/registry/issue", new FormUrlEncodedContent(fields.ToDictionary(f => f.Item1, f => f.Item2)));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var posted = await client.PostAsync("/registry/issue", new FormUrlEncodedContent(Form(CertGuardApp.AntiforgeryToken(page), fields)));
        var location = Location(posted);
        Assert.Matches("^/registry/certificate/[0-9a-f-]{36}$", location);

        var detail = await client.GetStringAsync(location);
        Assert.Contains("data-testid=\"lifecycle-done\"", detail, StringComparison.Ordinal);
        Assert.Contains("已发证", detail, StringComparison.Ordinal);
        Assert.Contains("赵晓峰", detail, StringComparison.Ordinal);
        Assert.Contains("考核合格发证", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"form-review\"", detail, StringComparison.Ordinal);
        // The message is shown once: reloading the page does not repeat it.
        Assert.DoesNotContain("data-testid=\"lifecycle-done\"", await client.GetStringAsync(location), StringComparison.Ordinal);

        await using var db = app.SystemDb();
        Assert.Equal(Guangzhou, (await db.Certificates.SingleAsync(c => c.Number == number)).RegionCode);
    }

    [Fact]
    public async Task A_refused_issue_is_shown_on_the_page_with_the_Chinese_message_and_the_entries_kept()
    {
        var client = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        var token = CertGuardApp.AntiforgeryToken(await client.GetStringAsync("/registry/issue"));
        var number = await NewHolderAsync(app);
        var wrong = number[..17] + (number[17] == '0' ? '1' : '0');

        var response = await client.PostAsync("/registry/issue", new FormUrlEncodedContent(Form(token,
            ("IdNumber", wrong), ("HolderName", "钱多多"), ("ItemCode", "1.1"), ("IssuedOn", app.Today().ToString("yyyy-MM-dd")))));

        // The refusal's status, as the API answers it.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-code=\"ID-CHECK\"", html, StringComparison.Ordinal);
        Assert.Contains("身份证号码校验位不正确", html, StringComparison.Ordinal);
        Assert.Contains("value=\"钱多多\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_recorded_on_the_certificate_page_is_in_its_history_after_the_redirect()
    {
        var issued = await IssueDueForReviewAsync(app, app.ApiClient(Role.IssuingAuthority.Id));
        var client = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        var path = $"/registry/certificate/{issued.Id()}";
        var page = await client.GetStringAsync(path);
        Assert.Contains($"action=\"{path}/act/review\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"Version\" value=\"{issued.Version()}\"", page, StringComparison.Ordinal);

        var posted = await client.PostAsync($"{path}/act/review", new FormUrlEncodedContent(Form(CertGuardApp.AntiforgeryToken(page),
            ("Version", issued.Version().ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Passed", "true"),
            ("ReviewedOn", app.Today().ToString("yyyy-MM-dd")), ("Note", "复审材料齐全"))));

        Assert.Equal(path, Location(posted));
        var after = await client.GetStringAsync(path);
        Assert.Contains("复审结果已记录", after, StringComparison.Ordinal);
        Assert.Contains("复审材料齐全", after, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        var stored = await db.Certificates.Include(c => c.History).SingleAsync(c => c.Id == issued.Id());
        Assert.Equal(CertificateEventKind.ReviewPassed, stored.Chronicle.Last().Kind);
        Assert.Contains(app.Account(Role.IssuingAuthority.Id).UserName, stored.Chronicle.Last().Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_action_and_a_stale_form_are_shown_next_to_their_form()
    {
        var issued = await IssueAsync(app.ApiClient(Role.IssuingAuthority.Id), await NewHolderAsync(app), "1.1", app.Today().AddDays(-3));
        var client = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        var path = $"/registry/certificate/{issued.Id()}";
        var token = CertGuardApp.AntiforgeryToken(await client.GetStringAsync(path));
        var version = issued.Version().ToString(System.Globalization.CultureInfo.InvariantCulture);

        // A fresh certificate is years from its review window.
        var early = await client.PostAsync($"{path}/act/review", new FormUrlEncodedContent(Form(token, ("Version", version), ("Passed", "true"))));
        Assert.Equal($"{path}#lifecycle-review", Location(early));
        var shownResponse = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shownResponse.StatusCode);
        var shown = await shownResponse.Content.ReadAsStringAsync();
        Assert.Matches(ErrorIn("review", "CERT-REVIEW-WINDOW"), shown);
        Assert.Contains("窗口外复审须经发证机关同意", shown, StringComparison.Ordinal);

        // Another officer reissues meanwhile; this officer's form still carries the old version.
        await ActOkAsync(app.ApiClient(Role.IssuingAuthority.Id), issued.Id(), "reissue", new { version = issued.Version() });
        var stale = await client.PostAsync($"{path}/act/revocation", new FormUrlEncodedContent(Form(token, ("Version", version), ("Reason", "PhysicallyUnfit"))));
        Assert.Equal($"{path}#lifecycle-revocation", Location(stale));
        var conflictResponse = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Conflict, conflictResponse.StatusCode);
        var conflict = await conflictResponse.Content.ReadAsStringAsync();
        Assert.Matches(ErrorIn("revocation", "CERT-CONFLICT"), conflict);
        Assert.Contains("请刷新页面", conflict, StringComparison.Ordinal);

        await using var db = app.SystemDb();
        Assert.Equal(CertificateStatus.Active, (await db.Certificates.SingleAsync(c => c.Id == issued.Id())).Status);
    }

    [Fact]
    public async Task An_action_form_without_its_antiforgery_token_is_refused()
    {
        var issued = await IssueAsync(app.ApiClient(Role.IssuingAuthority.Id), await NewHolderAsync(app), "1.1", app.Today());
        var client = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        var response = await client.PostAsync($"/registry/certificate/{issued.Id()}/act/revocation", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Version"] = "1", ["Reason"] = "FraudOrBribery" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.SystemDb();
        Assert.Equal(CertificateStatus.Active, (await db.Certificates.SingleAsync(c => c.Id == issued.Id())).Status);

        // With the token, an action that does not exist is not found (not an empty page).
        var token = CertGuardApp.AntiforgeryToken(await client.GetStringAsync($"/registry/certificate/{issued.Id()}"));
        var unknown = await client.PostAsync($"/registry/certificate/{issued.Id()}/act/suspend", new FormUrlEncodedContent(Form(token, ("Version", "1"))));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Read_only_accounts_see_no_forms_and_cannot_post_them()
    {
        var issued = await IssueAsync(app.ApiClient(Role.IssuingAuthority.Id), await NewHolderAsync(app), "1.1", app.Today());
        var client = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var path = $"/registry/certificate/{issued.Id()}";
        var page = await client.GetStringAsync(path);
        Assert.DoesNotContain("data-testid=\"lifecycle\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/registry/issue", page, StringComparison.Ordinal);

        var posted = await client.PostAsync($"{path}/act/revocation", new FormUrlEncodedContent(Form(CertGuardApp.AntiforgeryToken(page),
            ("Version", "1"), ("Reason", "FraudOrBribery"))));
        Assert.StartsWith("/account/denied", new Uri(new Uri("http://x"), Location(posted)).AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("/account/denied", new Uri(new Uri("http://x"), Location(await client.GetAsync("/registry/issue"))).AbsolutePath, StringComparison.Ordinal);

        await using var db = app.SystemDb();
        Assert.Equal(CertificateStatus.Active, (await db.Certificates.SingleAsync(c => c.Id == issued.Id())).Status);
    }

    [Fact]
    public async Task Another_citys_authority_cannot_act_on_the_page_either()
    {
        var issued = await IssueAsync(app.ApiClient(Role.IssuingAuthority.Id), await NewHolderAsync(app), "1.1", app.Today());
        var shenzhen = await OtherCityAuthorityAsync(app);
        var token = CertGuardApp.AntiforgeryToken(await shenzhen.GetStringAsync("/registry/issue"));
        var response = await shenzhen.PostAsync($"/registry/certificate/{issued.Id()}/act/reissue", new FormUrlEncodedContent(Form(token, ("Version", "1"))));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The refusal box with <paramref name="code"/> inside the form of <paramref name="form"/>, which is open.</summary>
    private static Regex ErrorIn(string form, string code) =>
        new($"<details id=\"lifecycle-{form}\" open=\"open\">(?:(?!</details>).)*data-code=\"{code}\"", RegexOptions.Singleline);
}

public sealed class SqliteLifecyclePageTests(SqliteApp app) : LifecyclePageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLifecyclePageTests(PostgresApp app) : LifecyclePageTests(app), IClassFixture<PostgresApp>;
