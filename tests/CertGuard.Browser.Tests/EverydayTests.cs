using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// Everyday use in a real Chromium (issue 17): each role's workbench with its chart drawn (screenshots of the province
/// office's and the employer's at 1366 and 390 px: TestResults/screenshots/workbench-*.png); the error pages with
/// their status and a way back; the main pages with zero axe-core WCAG 2.1 A/AA violations, anonymous and as several
/// roles; the public query reflowing at 320 px and at 200 % zoom on a phone, and usable by keyboard alone.
/// </summary>
public sealed class EverydayTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_province_office_and_the_employer_land_on_a_workbench_with_a_drawn_chart_at_1366_and_390()
    {
        foreach (var role in new[] { Role.ProvinceOffice.Id, Role.Employer.Id })
        {
            await using var context = await app.NewContextAsync();
            var page = await context.NewPageAsync();
            var problems = PageProblems.Watch(page);
            await Steps.SignInAsync(page, app, role);
            await Expect(page.Locator("main h1")).ToContainTextAsync("工作台");
            await Expect(page.Locator("nav.mainnav a[data-nav='workbench']")).ToHaveAttributeAsync("aria-current", "page");
            var chart = page.Locator("[data-testid='workbench-chart'][data-has-data='true'] [data-chart-json]").First;
            await Expect(chart).ToHaveAttributeAsync("data-drawn", "true");
            await Expect(chart.Locator("canvas").First).ToBeVisibleAsync();
            foreach (var width in new[] { 1366, 390 })
            {
                await page.SetViewportSizeAsync(width, 900);
                await page.WaitForTimeoutAsync(200);
                Assert.True(await FitsAsync(page), $"{role}'s workbench scrolls sideways at {width} px");
                await Screenshots.SaveAsync(page, $"workbench-{role}-{width}");
            }
            problems.AssertNone();
        }
    }

    [Fact]
    public async Task The_province_offices_navigation_never_breaks_inside_an_entry_and_marks_the_current_page()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Steps.SignInAsync(page, app, Role.ProvinceOffice.Id);
        await page.GotoAsync("/employers");
        await Expect(page.Locator("nav.mainnav a[aria-current='page']")).ToHaveAttributeAsync("data-nav", "employers");
        foreach (var width in new[] { 1280, 1366, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            // An inline link broken over two lines ("证书查/询") has two boxes; each entry must have one.
            var broken = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('nav.mainnav a')].filter(a => a.getClientRects().length !== 1).map(a => a.textContent)");
            Assert.True(broken.Length == 0, $"at {width} px: {string.Join(", ", broken)}");
            Assert.True(await FitsAsync(page), $"/employers scrolls sideways at {width} px");
        }
    }

    [Fact]
    public async Task Error_pages_answer_with_their_status_in_the_chosen_language_and_a_way_back()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        var missing = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, missing!.Status);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(UiStrings.Chinese("Status.404.Title"));
        Assert.StartsWith("页面不存在", await page.TitleAsync(), StringComparison.Ordinal);
        var english = await page.GotoAsync("/no-such-page?culture=en");
        Assert.Equal(404, english!.Status);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(UiStrings.English("Status.404.Title"));

        await Steps.SignInAsync(page, app, Role.Police.Id);
        var forbidden = await page.GotoAsync($"/registry/certificate/{Guid.Empty}/print");
        Assert.Equal(403, forbidden!.Status);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(UiStrings.Chinese("Status.403.Title"));
        await page.GetByTestId("way-back").GetByRole(AriaRole.Link, new() { Name = UiStrings.Chinese("Status.Workbench") }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/workbench");
    }

    public static TheoryData<string, string> Journeys => new()
    {
        { "", "/ /query /verify /account/sign-in /api/reference /no-such-page /employers/register" },
        { Role.ProvinceOffice.Id, "/workbench /registry /signals /employers /institutions /audit /registry/reminders" },
        { Role.CityOffice.Id, "/workbench /signals /employers" },
        { Role.IssuingAuthority.Id, "/workbench /registry/issue /registry/import" },
        { Role.Employer.Id, "/workbench /roster /rectifications /roster/positions" },
        { Role.TrainingInstitution.Id, "/workbench /institutions/self-check /institutions/review-check" },
        { Role.Auditor.Id, "/workbench /audit" },
    };

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task The_main_pages_have_no_wcag_21_aa_violations(string role, string paths)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        if (role.Length > 0) await Steps.SignInAsync(page, app, role);
        var violations = new List<string>();
        foreach (var path in paths.Split(' '))
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            violations.AddRange(await Axe.ViolationsAsync(page));
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_public_query_reflows_at_320_px_and_at_200_percent_zoom_and_works_by_keyboard_alone()
    {
        var sample = SampleCertificate.All(app.Credentials).First(s => s.State == "Valid");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        // 320 CSS px (WCAG 1.4.10), and a 390 px phone at 200 % zoom: 195 CSS px of layout.
        foreach (var width in new[] { 320, 195 })
        {
            await page.SetViewportSizeAsync(width, 700);
            await page.GotoAsync("/query");
            Assert.True(await FitsAsync(page), $"/query scrolls sideways at {width} CSS px: {await WidestAsync(page)}");
        }

        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/query");
        // The first Tab reaches the skip link, which takes the focus past the header to the page's content.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        var number = page.GetByTestId("query-no");
        for (var i = 0; i < 30 && !await number.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(number).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(sample.PrintedNumber);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("query-name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(sample.HolderName);
        await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => new Uri(r.Url).AbsolutePath == "/api/v1/public/verify");
        await Expect(page.Locator("[data-testid='query-result'][data-found='true']").First).ToBeVisibleAsync();
    }

    // What sticks out, to say which element breaks the reflow when it fails.
    private static Task<string> WidestAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(-5).map(e => `${e.tagName.toLowerCase()}.${e.className}[${Math.round(e.getBoundingClientRect().right)}]`).join(', ')
            """);

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1");
}
