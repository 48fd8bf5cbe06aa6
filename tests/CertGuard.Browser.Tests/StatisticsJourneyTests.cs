using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>The city office submits its month's report; the province sees it on the sheet and downloads the XLSX.</summary>
public sealed class StatisticsJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_city_office_submits_and_the_province_downloads_the_sheet()
    {
        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            var problems = PageProblems.Watch(page);
            var (userName, password) = app.Account(Role.CityOffice.Id);
            await Steps.SubmitSignInAsync(page, userName, password);
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != Steps.SignInPath);
            await page.Locator("[data-nav='statistics']").First.ClickAsync();
            await Expect(page.GetByTestId("statistics-sheet")).ToBeVisibleAsync();
            await page.GetByTestId("statistics-open-440100").ClickAsync();
            await Expect(page.GetByTestId("report-state")).ToHaveAttributeAsync("data-state", "Draft");
            await page.GetByTestId("report-text").FillAsync("本月开展持证上岗执法检查，通报线索。（浏览器测试）");
            await page.GetByTestId("report-text-save").ClickAsync();
            await page.GetByTestId("report-submit").ClickAsync();
            await Expect(page.GetByTestId("report-state")).ToHaveAttributeAsync("data-state", "Submitted");
            await Expect(page.GetByTestId("report-submit")).ToHaveCountAsync(0);
            problems.AssertNone();
        }

        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            var problems = PageProblems.Watch(page);
            var (userName, password) = app.Account(Role.ProvinceOffice.Id);
            await Steps.SubmitSignInAsync(page, userName, password);
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != Steps.SignInPath);
            await page.GotoAsync("/statistics");
            await Expect(page.Locator("[data-city]")).ToHaveCountAsync(22);
            await Expect(page.GetByTestId("state-440100")).ToContainTextAsync("已报");
            await Screenshots.SaveAsync(page, "statistics-province-sheet");
            // Checked before the download: Chromium reports a download's navigation as an aborted request.
            problems.AssertNone();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("statistics-xlsx").ClickAsync());
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            var path = await download.PathAsync();
            using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
            Assert.Single(document.WorkbookPart!.WorksheetParts);
        }
    }
}
