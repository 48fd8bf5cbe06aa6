using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// The enforcement lead opens a real (demo) case that was decided and closed, follows its 行政处罚决定书 to the print
/// page and prints it. Artifact in TestResults/screenshots: case-decision-print.png.
/// </summary>
public sealed class CaseDecisionPrintTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_enforcement_lead_prints_a_cases_decision()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);
        var (userName, password) = app.Account(Role.EnforcementLead.Id);
        await Steps.SubmitSignInAsync(page, userName, password);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != Steps.SignInPath);

        await page.GotoAsync("/cases?stage=Closed");
        await page.GetByTestId("case-row").First.Locator("a").ClickAsync();
        await Expect(page.GetByTestId("case-stage")).ToHaveAttributeAsync("data-stage", "Closed");
        await page.Locator("[data-testid=case-documents] li[data-kind=PenaltyDecision] [data-testid=case-document-print]").ClickAsync();

        await Expect(page.GetByTestId("official-document-title")).ToHaveTextAsync("行政处罚决定书");
        await Expect(page.GetByTestId("official-document-number")).ToContainTextAsync("穗应急罚〔");
        await Expect(page.GetByTestId("official-document")).ToContainTextAsync("行政复议");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.SetViewportSizeAsync(794, 1123);
        await Expect(page.GetByTestId("print-document")).ToBeHiddenAsync();
        var shot = await Screenshots.SaveAsync(page, "case-decision-print");
        Assert.True(new FileInfo(shot).Length > 10_000, "the print screenshot is empty");
        problems.AssertNone();
    }
}
