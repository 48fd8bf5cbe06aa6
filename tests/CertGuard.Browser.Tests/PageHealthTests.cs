using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// Under the strict CSP (script-src 'self', style-src 'self') the pages run no inline code or style: walking through
/// them logs no console error and no request fails or answers with an error.
/// </summary>
public sealed class PageHealthTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Pages_log_no_console_errors_and_no_request_fails()
    {
        var sample = SampleCertificate.All(app.Credentials)[0];
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);

        await page.GotoAsync("/");
        await Steps.SignInToRegistryAsync(page, app, Role.IssuingAuthority.Id);
        await Steps.SearchRegistryAsync(page, sample.PrintedNumber);
        await page.GetByTestId("registry-table").Locator("tbody tr td:nth-child(1) a").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/registry/certificate/", StringComparison.Ordinal));
        var certificate = page.Url;
        await page.GetByTestId("reveal").ClickAsync();
        await Expect(page.GetByTestId("certificate-number")).ToHaveTextAsync(sample.PrintedNumber);
        await page.GotoAsync(certificate.TrimEnd('/') + "/print");
        // English too (the header's switch has its own test; here the query string picks the language).
        await page.GotoAsync("/registry?culture=en");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Certificate registry");
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        problems.AssertNone();
    }
}
