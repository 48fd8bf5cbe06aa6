using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>The sign-in page in a browser: a wrong password is told in Chinese; the registry is for signed-in accounts.</summary>
public sealed class SignInTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Wrong_password_shows_the_Chinese_error_and_stays_on_the_sign_in_page()
    {
        var (userName, password) = app.Account(Role.Police.Id);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await Steps.SubmitSignInAsync(page, userName, password + "x");

        await Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync("用户名或密码不正确。");
        Assert.Equal(Steps.SignInPath, new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("input[name='UserName']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("who")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Anonymous_visit_to_the_registry_goes_to_sign_in_and_comes_back_after_it()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/registry");

        var url = new Uri(page.Url);
        Assert.Equal(Steps.SignInPath, url.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fregistry", url.Query, StringComparison.OrdinalIgnoreCase);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(UiStrings.Chinese("SignIn.Title"));
        await Expect(page.GetByTestId("registry-table")).ToHaveCountAsync(0);

        // Signing in from there returns to the registry.
        var (userName, password) = app.Account(Role.IssuingAuthority.Id);
        await page.Locator("input[name='UserName']").FillAsync(userName);
        await page.Locator("input[name='Password']").FillAsync(password);
        await page.Locator("form.stack button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/registry");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("证书登记库");
    }

    [Fact]
    public async Task Sign_out_from_the_header_ends_the_session()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Steps.SignInToRegistryAsync(page, app, Role.IssuingAuthority.Id);
        await Expect(page.GetByTestId("who")).ToBeVisibleAsync();

        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/");
        await Expect(page.GetByTestId("who")).ToHaveCountAsync(0);

        // The registry asks for sign-in again.
        await page.GotoAsync("/registry");
        Assert.Equal(Steps.SignInPath, new Uri(page.Url).AbsolutePath);
    }
}
