using System.Text.RegularExpressions;
using CertGuard.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// The public typical-cases page (/typical-cases) as a visitor on a phone: reached from the footer without an account,
/// it lists the demo's published cases with date, city, what happened and the penalty, fits 390 px without sideways
/// scrolling, and shows nothing that looks like an ID, telephone or registration number.
/// Screenshot: TestResults/screenshots/typical-cases-390.png.
/// </summary>
public sealed partial class TypicalCasesPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_visitor_reads_the_published_typical_cases_on_a_phone_without_personal_data()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/query");
        await page.GetByTestId("footer-typical-cases").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/typical-cases");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(UiStrings.Chinese("TypicalCases.Title"));
        var cases = page.GetByTestId("typical-case");
        Assert.True(await cases.CountAsync() >= 3);
        await Expect(cases.First.GetByTestId("typical-city")).Not.ToBeEmptyAsync();
        await Expect(cases.First.GetByTestId("typical-facts")).Not.ToBeEmptyAsync();
        await Expect(cases.First.GetByTestId("typical-penalty")).ToContainTextAsync("罚款");

        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(PersonalNumbers(), text);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways at 390 px");
        await Screenshots.SaveAsync(page, "typical-cases-390");
        problems.AssertNone();
    }

    // An ID number, a mobile number or an 18-character registration code.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{17}[\dXx]|1[3-9]\d{9}|[0-9A-Z]{18})(?![0-9A-Za-z])")]
    private static partial Regex PersonalNumbers();
}
