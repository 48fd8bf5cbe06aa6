using System.Globalization;
using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// In English, refusals show English text in the page's alert, and the page answers with the refusal's status (the
/// same as the API's): a second live certificate (409), a review outside its window (422), a stale form (409).
/// </summary>
public sealed class RefusalLanguageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Refusals_show_English_text_and_their_status_in_the_English_interface()
    {
        var today = ChinaTime.Today(app.Services.GetRequiredService<TimeProvider>());
        var number = await NewHolderAsync(today);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Steps.SignInToRegistryAsync(page, app, Role.IssuingAuthority.Id);
        await Steps.SwitchLanguageAsync(page);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // Issued once; the same holder and item again is refused: 409 with the English text, the form kept.
        await IssueAsync(page, number, today);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/registry/certificate/", StringComparison.Ordinal));
        var certificatePath = new Uri(page.Url).AbsolutePath;
        var second = await page.RunAndWaitForResponseAsync(() => IssueAsync(page, number, today), IsDocument("/registry/issue", "POST"));
        Assert.Equal(409, second.Status);
        var refusal = page.GetByTestId("lifecycle-error");
        await Expect(refusal).ToHaveAttributeAsync("data-code", "CERT-LIVE-EXISTS");
        await Expect(refusal).ToContainTextAsync("The holder already has a live certificate for this item");
        await Expect(page.GetByTestId("issue-id")).ToHaveValueAsync(number);
        await Screenshots.SaveAsync(page, "refusal-en-live-exists");

        // A review of a certificate issued today is years outside its window: 422.
        await page.GotoAsync(certificatePath);
        await page.Locator("#lifecycle-review summary").ClickAsync();
        var early = await page.RunAndWaitForResponseAsync(() => page.GetByTestId("review-submit").ClickAsync(), IsDocument(certificatePath, "GET"));
        Assert.Equal(422, early.Status);
        await Expect(refusal).ToHaveAttributeAsync("data-code", "CERT-REVIEW-WINDOW");
        await Expect(refusal).ToContainTextAsync("The review must be applied for between");

        // Two tabs on the certificate: one reissues it, the other's revocation form still carries the old version: 409.
        var stale = await context.NewPageAsync();
        await stale.GotoAsync(certificatePath);
        await page.GotoAsync(certificatePath);
        await page.Locator("#lifecycle-reissue summary").ClickAsync();
        await page.Locator("#lifecycle-reissue button[type='submit']").ClickAsync();
        await Expect(page.GetByTestId("lifecycle-done")).ToBeVisibleAsync();
        await stale.Locator("#lifecycle-revocation summary").ClickAsync();
        await stale.Locator("#lifecycle-revocation select[name='Reason']").SelectOptionAsync("PhysicallyUnfit");
        var conflict = await stale.RunAndWaitForResponseAsync(
            () => stale.Locator("#lifecycle-revocation button[type='submit']").ClickAsync(), IsDocument(certificatePath, "GET"));
        Assert.Equal(409, conflict.Status);
        var staleRefusal = stale.GetByTestId("lifecycle-error");
        await Expect(staleRefusal).ToHaveAttributeAsync("data-code", "CERT-CONFLICT");
        await Expect(staleRefusal).ToContainTextAsync("The certificate has been changed by someone else");
        await Expect(staleRefusal).Not.ToContainTextAsync("证书");
        await Screenshots.SaveAsync(stale, "refusal-en-stale");
    }

    private static async Task IssueAsync(IPage page, string number, DateOnly today)
    {
        await page.GotoAsync("/registry/issue");
        await page.GetByTestId("issue-id").FillAsync(number);
        await page.GetByTestId("issue-name").FillAsync("Li Wei");
        await page.GetByTestId("issue-item").SelectOptionAsync("1.1");
        await page.GetByTestId("issue-date").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId("issue-submit").ClickAsync();
    }

    private static Func<IResponse, bool> IsDocument(string path, string method) =>
        r => r.Request.Method == method && r.Request.ResourceType == "document" && new Uri(r.Url).AbsolutePath == path;

    /// <summary>A valid ID number of an adult no certificate of the demo has.</summary>
    private async Task<string> NewHolderAsync(DateOnly today)
    {
        await using var db = app.SystemDb();
        for (var sequence = 500; ; sequence++)
        {
            var first17 = "440106" + today.AddYears(-30).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
            var number = first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
            if (!await db.Certificates.AnyAsync(c => c.Number == number)) return number;
        }
    }
}
