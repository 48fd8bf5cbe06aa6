using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using CertGuard.Core.Holders;
using CertGuard.Core.Registry.Import;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// The demo employer's self-check in a real browser: open 名册自查 from the header, see the demo roster's rate, upload
/// a GB18030 roster with a bad row, read the verdict of every row, find the failing worker among the rectification
/// items; under the strict CSP, with no console error nor failed request.
/// </summary>
public sealed class RosterUploadTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Employer_uploads_a_gb18030_roster_and_reads_the_verdict_of_every_row()
    {
        var valid = SampleCertificate.All(app.Credentials).First(s => s.State == "Valid");
        const string unknownFirst17 = "44010619800909666";
        var unknown = unknownFirst17 + ResidentIdNumber.ComputeCheckCharacter(unknownFirst17);
        var roster = string.Join("\r\n", "姓名,证件号码,岗位", $"{valid.HolderName},{valid.Number},", $"查无此人,{unknown},焊工", $"=1+2,{unknown},电工") + "\r\n";
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);

        await Steps.SignInAsync(page, app, Role.Employer.Id);
        await page.Locator("nav.mainnav a[data-nav='roster']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/roster");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("作业人员名册自查");
        await Expect(page.GetByTestId("roster-rate")).ToContainTextAsync("依法持证率");

        await page.GetByTestId("roster-file").SetInputFilesAsync(new FilePayload
        {
            Name = "花名册.csv", MimeType = "text/csv", Buffer = CsvRows.Gb18030.GetBytes(roster),
        });
        await page.GetByTestId("roster-submit").ClickAsync();
        await page.WaitForLoadStateAsync();

        var results = page.GetByTestId("roster-results");
        await Expect(results.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(results.Locator("tr[data-row='2']")).ToHaveAttributeAsync("data-verdict", "valid");
        await Expect(results.Locator("tr[data-row='2'] td:nth-child(2)")).ToHaveTextAsync(valid.HolderName);
        await Expect(results.Locator("tr[data-row='2'] td:nth-child(3)")).ToHaveTextAsync(ResidentIdNumber.Mask(valid.Number));
        await Expect(results.Locator("tr[data-row='3']")).ToHaveAttributeAsync("data-verdict", "not-found");
        await Expect(results.Locator("tr[data-row='3']")).ToContainTextAsync("疑似假证");
        await Expect(results.Locator("tr[data-row='4']")).ToHaveAttributeAsync("data-verdict", "bad-row");
        await Expect(results.Locator("tr[data-row='4']")).ToContainTextAsync("公式");
        await Expect(page.GetByTestId("roster-rate")).ToContainTextAsync("50%");
        var shot = await Screenshots.SaveAsync(page, "roster-upload");

        await page.Locator("nav.mainnav a[data-nav='rectifications']").ClickAsync();
        await Expect(page.GetByTestId("rectify-items").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = "查无此人" })).ToHaveCountAsync(1);
        await page.GotoAsync("/roster/positions");
        await Expect(page.GetByTestId("positions").Locator("tbody tr")).ToHaveCountAsync(2);
        Assert.True(new FileInfo(shot).Length > 0, $"Empty screenshot at {shot}.");
        problems.AssertNone();
    }
}
