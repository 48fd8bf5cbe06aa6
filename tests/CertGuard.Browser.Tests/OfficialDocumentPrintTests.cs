using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using CertGuard.Core.Time;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// The sample 行政处罚决定书 printed from the browser: on A4, without the navigation, with its number and title.
/// Artifacts in TestResults/screenshots: enforcement-decision-a4.png (the A4 sheet on screen, with its margins),
/// enforcement-decision-print.png (the print rendering, navigation gone) and enforcement-decision.pdf (what the
/// printer gets, A4 pages with the @page margins).
/// </summary>
public sealed partial class OfficialDocumentPrintTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_sample_decision_prints_on_A4_without_the_navigation()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);
        var (userName, password) = app.Account(Role.EnforcementLead.Id);
        await Steps.SubmitSignInAsync(page, userName, password);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != Steps.SignInPath);

        await page.GotoAsync("/enforcement/documents/sample/penalty-decision");
        var year = ChinaTime.Today(TimeProvider.System).Year.ToString(CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId("official-document-title")).ToHaveTextAsync("行政处罚决定书");
        await Expect(page.GetByTestId("official-document-number")).ToHaveTextAsync($"穗应急罚〔{year}〕12号");
        await Expect(page.Locator(".topbar")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("print-document")).ToBeVisibleAsync();
        // On screen: the A4 sheet with its paper margins (210 mm = 794 px wide).
        Directory.CreateDirectory(Screenshots.Folder);
        var sheet = page.GetByTestId("official-document");
        var box = await sheet.BoundingBoxAsync();
        Assert.True(box is { Width: > 790 and < 798 }, $"the sheet is {box?.Width} px wide");
        await sheet.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "enforcement-decision-a4.png") });

        // Printed: the sheet alone, at A4's width (210 mm at 96 dpi = 794 px).
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.SetViewportSizeAsync(794, 1123);
        await Expect(page.Locator(".topbar")).ToBeHiddenAsync();
        await Expect(page.Locator(".footer")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("print-document")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("official-document-number")).ToBeVisibleAsync();
        var shot = await Screenshots.SaveAsync(page, "enforcement-decision-print");
        Assert.True(new FileInfo(shot).Length > 10_000, "the print screenshot is empty");

        var pdfPath = Path.Combine(Screenshots.Folder, "enforcement-decision.pdf");
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = pdfPath, PreferCSSPageSize = true, PrintBackground = true });
        var boxes = MediaBox().Matches(Encoding.Latin1.GetString(pdf)).Select(m => (Width: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Height: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(boxes);
        // A4 is 595 × 842 points (the CSS @page size wins over the viewport and the card size in site.css).
        Assert.All(boxes, b => Assert.True(Math.Abs(b.Width - 595.3) < 2 && Math.Abs(b.Height - 841.9) < 2, $"page is {b.Width} × {b.Height} pt"));
        problems.AssertNone();
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]")]
    private static partial Regex MediaBox();
}
