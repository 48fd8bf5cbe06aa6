using System.Net;
using System.Text.RegularExpressions;
using CertGuard.Core.Accounts;
using CertGuard.Data.Accounts;
using CertGuard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Accounts;

/// <summary>
/// The sign-in form: a right password opens the registry, a wrong one says so in Chinese; repeated failures for a name or
/// from an address require a growing wait (the same answers for unknown names), never a lockout; sign-out ends the
/// session on the server.
/// </summary>
public abstract partial class SignInTests(CertGuardApp app)
{
    private const string Failed = "用户名或密码不正确。";

    [Fact]
    public async Task Demo_account_signs_in_and_is_sent_to_its_workbench()
    {
        var (userName, password) = app.Account(Role.CityOffice.Id);
        var client = BrowserClient();

        var response = await CertGuardApp.PostSignInAsync(client, userName, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/workbench", response.Headers.Location?.OriginalString);
        var registry = await client.GetAsync("/registry");
        Assert.Equal(HttpStatusCode.OK, registry.StatusCode);
        Assert.Contains("证书登记库", await registry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_the_sign_in_page_again_with_the_Chinese_error()
    {
        var (userName, password) = app.Account(Role.Police.Id);
        var client = BrowserClient();

        var response = await CertGuardApp.PostSignInAsync(client, userName, password + "x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(Failed, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sign-in-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("certguard=", StringComparison.Ordinal)));
        // The right password still works: one slip does not lock a demo account.
        Assert.Equal(HttpStatusCode.Redirect, (await CertGuardApp.PostSignInAsync(client, userName, password)).StatusCode);
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_message_as_a_wrong_password()
    {
        var response = await CertGuardApp.PostSignInAsync(BrowserClient(), "nobody.at.all", "Whatever-Password-1!");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Failed, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_for_a_name_require_a_growing_wait_and_never_lock_the_account_or_its_keys()
    {
        const string userName = "throttle.name.test";
        const string password = "Throttle-Name-2026!";
        var accountId = await CreateAccountAsync(userName, password);
        var key = await CreateKeyAsync(accountId);

        // Five failures from five addresses: only the name counts.
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await SignInFromAsync($"198.51.100.{attempt}", userName, $"Wrong-Password-{attempt}!");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(Failed, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var fifth = await SignInFromAsync("198.51.100.5", userName, "Wrong-Password-5!");
        var wait = AssertThrottled(fifth, await fifth.Content.ReadAsStringAsync());

        // The right password waits too, from yet another address: the name is throttled, not the caller.
        var right = await SignInFromAsync("198.51.100.6", userName, password);
        Assert.True(AssertThrottled(right, await right.Content.ReadAsStringAsync()) <= wait);

        // Nothing is locked: the account has no lockout end and its API key keeps working.
        await using (var db = app.SystemDb())
        {
            var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == accountId);
            Assert.Null(account.LockoutEnd);
            Assert.Equal(0, account.AccessFailedCount);
        }
        var machine = app.CreateClient();
        machine.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/v1/certificates?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_gets_exactly_the_answers_an_existing_one_gets()
    {
        const string existing = "throttle.same.test";
        await CreateAccountAsync(existing, "Throttle-Same-2026!");

        var forExisting = await AnswersAsync(existing, "203.0.113.");
        var forUnknown = await AnswersAsync("throttle.nobody.test", "203.0.114.");

        Assert.Equal(forExisting, forUnknown);
        Assert.Equal(HttpStatusCode.TooManyRequests, forUnknown[^1].Status);
    }

    [Fact]
    public async Task Failures_from_one_address_throttle_it_for_every_name_while_other_addresses_sign_in()
    {
        var (userName, password) = app.Account(Role.Employer.Id);
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var wrong = await SignInFromAsync("192.0.2.77", $"guess.{attempt}", "Wrong-Password-1!");
            Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
        }

        var fromThere = await SignInFromAsync("192.0.2.77", userName, password);
        AssertThrottled(fromThere, await fromThere.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInFromAsync("192.0.2.78", userName, password)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        var (userName, password) = app.Account(Role.MarketRegulation.Id);
        var jar = new CookieContainer();
        var browser = app.CreateDefaultClient(new CookieContainerHandler(jar));
        Assert.Equal(HttpStatusCode.Redirect, (await CertGuardApp.PostSignInAsync(browser, userName, password)).StatusCode);
        var session = jar.GetCookies(browser.BaseAddress!)["certguard"]!.Value;

        var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", $"certguard={session}");
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/registry")).StatusCode);

        var page = await browser.GetStringAsync("/registry");
        var signOut = await browser.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var after = await copy.GetAsync("/registry");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/sign-in", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // Signing in again opens a new session.
        Assert.Equal(HttpStatusCode.Redirect, (await CertGuardApp.PostSignInAsync(BrowserClient(), userName, password)).StatusCode);
    }

    private async Task<List<(HttpStatusCode Status, string Error)>> AnswersAsync(string userName, string network)
    {
        var answers = new List<(HttpStatusCode, string)>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var response = await SignInFromAsync(network + attempt, userName, "Wrong-Password-9!");
            var html = await response.Content.ReadAsStringAsync();
            var error = ErrorPattern().Match(html).Groups[1].Value;
            // The time to wait differs by the second the test reaches it; what it says does not.
            answers.Add((response.StatusCode, DigitsPattern().Replace(error, "#")));
        }
        return answers;
    }

    private static int AssertThrottled(HttpResponseMessage response, string html)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("登录失败次数过多，请在", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sign-in-error\"", html, StringComparison.Ordinal);
        var seconds = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 1, 15 * 60);
        return seconds;
    }

    private async Task<HttpResponseMessage> SignInFromAsync(string address, string userName, string password)
    {
        var client = BrowserClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return await CertGuardApp.PostSignInAsync(client, userName, password);
    }

    private async Task<string> CreateKeyAsync(string accountId)
    {
        await using var db = app.SystemDb();
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == accountId);
        var (key, text) = ApiKey.Create("节流测试密钥", account.OrganisationId!.Value, accountId, DateTimeOffset.UtcNow, TimeSpan.FromDays(30));
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return text;
    }

    [GeneratedRegex("data-testid=\"sign-in-error\">([^<]*)<")]
    private static partial Regex ErrorPattern();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex DigitsPattern();

    [Fact]
    public async Task Anonymous_visitor_of_the_registry_is_sent_to_the_sign_in_page()
    {
        var response = await BrowserClient().GetAsync("/registry");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        Assert.Equal("/account/sign-in", path);
        Assert.Contains("ReturnUrl=%2Fregistry", location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_honours_a_local_return_url_and_ignores_a_foreign_one()
    {
        var (userName, password) = app.Account(Role.ProvinceOffice.Id);

        var local = await PostSignInWithReturnUrlAsync(userName, password, "/registry?status=Revoked");
        Assert.Equal("/registry?status=Revoked", local.Headers.Location?.OriginalString);

        var foreign = await PostSignInWithReturnUrlAsync(userName, password, "https://evil.example/registry");
        Assert.Equal("/workbench", foreign.Headers.Location?.OriginalString);
    }

    private HttpClient BrowserClient() =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpResponseMessage> PostSignInWithReturnUrlAsync(string userName, string password, string returnUrl)
    {
        var client = BrowserClient();
        var query = "?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var token = CertGuardApp.AntiforgeryToken(await client.GetStringAsync("/account/sign-in" + query));
        return await client.PostAsync("/account/sign-in" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }));
    }

    private async Task<string> CreateAccountAsync(string userName, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        await using var db = app.SystemDb();
        var police = await db.Organisations.AsNoTracking().FirstAsync(o => o.Kind == Role.Police.Id && o.RegionCode == "440100");
        var account = new Account { UserName = userName, DisplayName = "锁定测试", RoleId = Role.Police.Id, RegionCode = "440100", OrganisationId = police.Id };
        Assert.True((await users.CreateAsync(account, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, Role.Police.Id)).Succeeded);
        return account.Id;
    }
}

public sealed class SqliteSignInTests(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSignInTests(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
