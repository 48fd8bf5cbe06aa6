using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Holders;
using CertGuard.Data.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// The public query page (/query) in a real Chromium, as a worker, an employer and a forger use it: a genuine
/// certificate verifies in one step; a wrong name and an unknown number read exactly the same; rapid queries are
/// slowed with a clear Chinese message, and the self-hosted challenge lets a person carry on; the holder sees who
/// checked the certificate. One journey, because the page's client limit is shared by everything this browser does.
/// Screenshots: TestResults/screenshots/query-*.png.
/// </summary>
public sealed class PublicQueryPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_genuine_certificate_verifies_in_one_step_and_a_wrong_name_reads_like_an_unknown_number_until_the_limit()
    {
        var sample = SampleCertificate.All(app.Credentials).First(s => s.State == "Valid");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);

        await page.GotoAsync("/");
        await page.GetByTestId("home-query").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/query");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(UiStrings.Chinese("PublicQuery.Heading"));
        await Expect(page.GetByTestId("query-trust")).ToContainTextAsync(UiStrings.Chinese("PublicQuery.Trust.Free"));
        await Expect(page.GetByTestId("query-official-address")).ToHaveTextAsync("https://certguard.gd.gov.cn/query");

        // The worker or employer: the number as printed on the card, the name, one click.
        await QueryAsync(page, sample.PrintedNumber, sample.HolderName);
        var genuine = page.Locator("[data-testid='query-result'][data-found='true']").First;
        await Expect(genuine).ToBeVisibleAsync();
        var valid = page.Locator("[data-testid='query-result'][data-state='Valid']").First;
        await Expect(valid.GetByTestId("query-verdict")).ToHaveTextAsync("有效");
        await Expect(valid.GetByTestId("query-message")).ToHaveTextAsync(UiStrings.Chinese("PublicQuery.Js.State.Valid"));
        await Expect(valid.GetByTestId("query-name-result")).ToHaveTextAsync(sample.HolderName);
        await Expect(valid.GetByTestId("query-number-result")).ToHaveTextAsync(ResidentIdNumber.Mask(sample.Number));
        Assert.DoesNotContain(sample.Number, await page.ContentAsync(), StringComparison.Ordinal);
        await AssertReadsAsChineseAsync(page);
        await Screenshots.SaveAsync(page, "query-valid");

        // The forger: a real number under another name, then an unknown number under the real name.
        await QueryAsync(page, sample.PrintedNumber, "冒名顶替");
        var wrongName = await NotFoundTextAsync(page);
        await QueryAsync(page, UnknownNumber(), sample.HolderName);
        var unknownNumber = await NotFoundTextAsync(page);
        Assert.Equal(wrongName, unknownNumber);
        Assert.Contains(UiStrings.Chinese("PublicQuery.Answer.NotFound"), wrongName, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "query-not-found");

        // The holder: who checked my certificate, opened with the QR code of the card (its text pasted here).
        var qrText = await QrOfFirstItemAsync(sample.Number);
        await app.Services.GetRequiredService<VerificationLog>().StoredAsync();
        await page.GetByTestId("query-holder-link").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/query/checks");
        await page.GetByTestId("holder-checks-text").FillAsync(qrText);
        await page.GetByTestId("holder-checks-submit").ClickAsync();
        var checks = page.GetByTestId("holder-checks");
        await Expect(checks.GetByTestId("holder-check")).ToHaveCountAsync(2);
        await Expect(checks).ToContainTextAsync(UiStrings.Chinese("PublicQuery.Asker.Public"));
        await Expect(checks).ToContainTextAsync(UiStrings.Chinese("PublicQuery.Outcome.NameMismatch"));
        Assert.DoesNotContain(sample.Number, await page.ContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "query-holder-checks");
        await page.GotoAsync("/query");

        // The scraper: rapid queries are stopped with a clear message; a person proves it and carries on.
        var limited = page.GetByTestId("query-limited");
        for (var i = 0; i < 20 && !await limited.IsVisibleAsync(); i++) await QueryAsync(page, UnknownNumber(), "张三");
        await Expect(limited).ToHaveAttributeAsync("data-code", "PUBLIC-QUERY-RATE-LIMITED");
        await Expect(page.GetByTestId("query-limited-message")).ToContainTextAsync("查询过于频繁，请稍后再试。");
        await Expect(page.GetByTestId("query-limited-message")).ToContainTextAsync("人机验证");
        await Screenshots.SaveAsync(page, "query-limited");
        await page.GetByTestId("query-challenge").ClickAsync();
        await Expect(page.Locator("[data-testid='query-result'][data-found='false']")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // The 429s (and the browser's console line for each) were the point of the journey; anything else going wrong is not.
        Assert.NotEmpty(problems.All);
        Assert.All(problems.All, p => Assert.Contains("429", p, StringComparison.Ordinal));
    }

    /// <summary>The QR text of the holder's first certificate by item: the one a mismatching name is logged against.</summary>
    private async Task<string> QrOfFirstItemAsync(string number)
    {
        Guid id;
        await using (var db = app.SystemDb())
            id = await db.Certificates.IgnoreQueryFilters().AsNoTracking().Where(c => c.Number == number).OrderBy(c => c.ItemCode).Select(c => c.Id).FirstAsync();
        return await app.ApiClient("issuing-authority").GetStringAsync($"/api/v1/certificates/{id}/qr?format=text");
    }

    private static async Task QueryAsync(IPage page, string number, string name)
    {
        await page.GetByTestId("query-no").FillAsync(number);
        await page.GetByTestId("query-name").FillAsync(name);
        await page.RunAndWaitForResponseAsync(() => page.GetByTestId("query-submit").ClickAsync(),
            r => new Uri(r.Url).AbsolutePath == "/api/v1/public/verify");
        await Expect(page.GetByTestId("query-working")).ToHaveCountAsync(0);
    }

    private static async Task<string> NotFoundTextAsync(IPage page)
    {
        var result = page.Locator("[data-testid='query-result'][data-found='false']");
        await Expect(result).ToHaveCountAsync(1);
        return await result.InnerTextAsync();
    }

    /// <summary>
    /// The Chinese text is as written (no replacement characters, no entities) and drawn with a CJK font: Chromium
    /// reports the platform fonts that rendered the heading, which would be a fallback without Chinese glyphs.
    /// </summary>
    private static async Task AssertReadsAsChineseAsync(IPage page)
    {
        Assert.DoesNotContain('\uFFFD', await page.Locator("body").InnerTextAsync());
        Assert.DoesNotContain("&#x", await page.ContentAsync(), StringComparison.Ordinal);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument");
        var heading = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object>
        {
            ["nodeId"] = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32(), ["selector"] = "main h1",
        });
        var fonts = await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = heading!.Value.GetProperty("nodeId").GetInt32() });
        var families = fonts!.Value.GetProperty("fonts").EnumerateArray().Select(f => f.GetProperty("familyName").GetString() ?? "").ToList();
        Assert.Contains(families, f => f.Contains("CJK", StringComparison.Ordinal) || f.Contains("WenQuanYi", StringComparison.Ordinal));
    }

    /// <summary>A well-formed ID number of a Xinjiang household, which no demo holder has.</summary>
    private static string UnknownNumber()
    {
        var first17 = $"650102{1970 + Random.Shared.Next(20)}0{Random.Shared.Next(1, 10)}1{Random.Shared.Next(0, 10)}{Random.Shared.Next(100, 1000)}";
        return first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
    }
}
