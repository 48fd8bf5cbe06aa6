using Microsoft.Playwright;

namespace CertGuard.Browser.Tests.Infrastructure;

/// <summary>What a user does, through the real pages.</summary>
internal static class Steps
{
    public const string SignInPath = "/account/sign-in";

    /// <summary>Opens the sign-in page and submits the form.</summary>
    public static async Task SubmitSignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync(SignInPath);
        await page.Locator("input[name='UserName']").FillAsync(userName);
        await page.Locator("input[name='Password']").FillAsync(password);
        await page.Locator("form.stack button[type='submit']").ClickAsync();
    }

    /// <summary>Signs in as a role's demo account and waits for the workbench it lands on.</summary>
    public static async Task SignInAsync(IPage page, BrowserApp app, string role)
    {
        var (userName, password) = app.Account(role);
        await SubmitSignInAsync(page, userName, password);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/workbench");
    }

    /// <summary>Signs in, then opens the registry from the main navigation.</summary>
    public static async Task SignInToRegistryAsync(IPage page, BrowserApp app, string role)
    {
        await SignInAsync(page, app, role);
        await page.Locator("nav.mainnav a[data-nav='registry']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/registry");
    }

    /// <summary>Types a query in the registry search and submits it.</summary>
    public static async Task SearchRegistryAsync(IPage page, string query)
    {
        await page.GetByTestId("registry-q").FillAsync(query);
        await page.GetByTestId("registry-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("q=", StringComparison.Ordinal));
    }

    /// <summary>
    /// Clicks the header's language switch; fails with the platform's answer when the switch itself (POST /culture)
    /// does not redirect back.
    /// </summary>
    public static async Task SwitchLanguageAsync(IPage page)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("switch-language").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/culture");
        Assert.True(response.Status == 302,
            $"The language switch (the header's form posting culture and returnUrl in its body to /culture) got HTTP {response.Status} instead of a redirect back to the page.");
        await page.WaitForLoadStateAsync();
    }
}
