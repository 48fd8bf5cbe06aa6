using System.Net;
using CertGuard.Core.Accounts;
using CertGuard.Data.Accounts;
using CertGuard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Accounts;

/// <summary>The sign-in form: a right password opens the registry, a wrong one says so in Chinese, five lock the account.</summary>
public abstract class SignInTests(CertGuardApp app)
{
    private const string Failed = "用户名或密码不正确。";
    private const string LockedOut = "登录失败次数过多，账号已锁定，请15分钟后再试。";

    [Fact]
    public async Task Demo_account_signs_in_and_is_sent_to_the_registry()
    {
        var (userName, password) = app.Account(Role.CityOffice.Id);
        var client = BrowserClient();

        var response = await CertGuardApp.PostSignInAsync(client, userName, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/registry", response.Headers.Location?.OriginalString);
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
    public async Task Five_failed_attempts_lock_the_account_so_the_right_password_is_refused_next()
    {
        const string userName = "lockout.test";
        const string password = "Lockout-Test-2026!";
        await CreateAccountAsync(userName, password);
        var client = BrowserClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await CertGuardApp.PostSignInAsync(client, userName, $"Wrong-Password-{attempt}!");
            Assert.Contains(Failed, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var fifth = await CertGuardApp.PostSignInAsync(client, userName, "Wrong-Password-5!");
        Assert.Equal(HttpStatusCode.OK, fifth.StatusCode);
        Assert.Contains(LockedOut, await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sixth = await CertGuardApp.PostSignInAsync(client, userName, password);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains(LockedOut, await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.SystemDb();
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        Assert.True(account.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

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
        Assert.Equal("/registry", foreign.Headers.Location?.OriginalString);
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

    private async Task CreateAccountAsync(string userName, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        await using var db = app.SystemDb();
        var police = await db.Organisations.AsNoTracking().FirstAsync(o => o.Kind == Role.Police.Id && o.RegionCode == "440100");
        var account = new Account { UserName = userName, DisplayName = "锁定测试", RoleId = Role.Police.Id, RegionCode = "440100", OrganisationId = police.Id };
        Assert.True((await users.CreateAsync(account, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, Role.Police.Id)).Succeeded);
    }
}

public sealed class SqliteSignInTests(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSignInTests(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
