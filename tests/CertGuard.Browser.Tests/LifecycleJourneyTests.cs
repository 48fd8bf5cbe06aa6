using System.Globalization;
using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// An issuing authority issues a certificate through the 发证 page, finds it in the registry by the number printed on
/// the card, records a passed review on its page, revokes it for fraud and is refused a new issue to that holder:
/// all in Chinese, with no console or CSP errors.
/// </summary>
public sealed class LifecycleJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Issuing_authority_issues_finds_reviews_and_revokes_for_fraud_then_a_new_issue_is_refused()
    {
        var today = ChinaTime.Today(app.Services.GetRequiredService<TimeProvider>());
        // Issued almost three years ago: its first review window is open today.
        var issuedOn = today.AddYears(-3).AddDays(20);
        var number = await NewHolderAsync(today);
        const string name = "孙立新";
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);

        await Steps.SignInToRegistryAsync(page, app, Role.IssuingAuthority.Id);
        await page.Locator("nav.mainnav a[data-nav='issue']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/registry/issue");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("考核合格发证");

        await page.GetByTestId("issue-id").FillAsync("T" + number);
        await page.GetByTestId("issue-name").FillAsync(name);
        await page.GetByTestId("issue-item").SelectOptionAsync("1.1");
        await page.GetByTestId("issue-date").FillAsync(issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var issueShot = await Screenshots.SaveAsync(page, "lifecycle-issue");
        await page.GetByTestId("issue-submit").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/registry/certificate/", StringComparison.Ordinal));
        await Expect(page.GetByTestId("lifecycle-done")).ToHaveTextAsync("已发证。");
        await Expect(page.GetByTestId("certificate-state")).ToHaveTextAsync(UiStrings.ChineseState(nameof(CertificateState.ReviewDue)));

        // Found in the registry by the printed number.
        await page.Locator("nav.mainnav a[data-nav='registry']").ClickAsync();
        await Steps.SearchRegistryAsync(page, "T" + number);
        var row = page.GetByTestId("registry-table").Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td:nth-child(2)")).ToHaveTextAsync(name);
        await row.Locator("td:nth-child(1) a").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/registry/certificate/", StringComparison.Ordinal));

        // Record the passed review (the form opens from its summary; passed and today are the defaults).
        await page.Locator("#lifecycle-review summary").ClickAsync();
        await Expect(page.GetByTestId("review-passed")).ToBeCheckedAsync();
        var formShot = await Screenshots.SaveAsync(page, "lifecycle-review-form");
        await page.GetByTestId("review-submit").ClickAsync();

        await Expect(page.GetByTestId("lifecycle-done")).ToHaveTextAsync("复审结果已记录。");
        await Expect(page.GetByTestId("certificate-state")).ToHaveTextAsync(UiStrings.ChineseState(nameof(CertificateState.Valid)));
        var lastStep = page.GetByTestId("history").Locator("tbody tr").Last;
        await Expect(lastStep.Locator("td:nth-child(2)")).ToHaveTextAsync("复审合格");
        await Expect(lastStep.Locator("td:nth-child(4)")).ToContainTextAsync(app.Account(Role.IssuingAuthority.Id).UserName);
        var reviewShot = await Screenshots.SaveAsync(page, "lifecycle-reviewed");

        // Revoked for fraud, the holder is refused a new certificate, for any item, with the reason on the issue page.
        await page.Locator("#lifecycle-revocation summary").ClickAsync();
        await page.Locator("#lifecycle-revocation select[name='Reason']").SelectOptionAsync(nameof(RevocationReason.FraudOrBribery));
        await page.Locator("#lifecycle-revocation textarea[name='Note']").FillAsync("冒名顶替参加考试");
        await page.Locator("#lifecycle-revocation button[type='submit']").ClickAsync();
        await Expect(page.GetByTestId("lifecycle-done")).ToHaveTextAsync("证书已撤销。");
        await Expect(page.GetByTestId("certificate-state")).ToHaveTextAsync(UiStrings.ChineseState(nameof(CertificateState.Revoked)));

        await page.Locator("nav.mainnav a[data-nav='issue']").ClickAsync();
        await page.GetByTestId("issue-id").FillAsync(number);
        await page.GetByTestId("issue-name").FillAsync(name);
        await page.GetByTestId("issue-item").SelectOptionAsync("2.1");
        await page.GetByTestId("issue-submit").ClickAsync();
        var refusal = page.GetByTestId("lifecycle-error");
        await Expect(refusal).ToHaveAttributeAsync("data-code", "CERT-REAPPLY-BARRED");
        await Expect(refusal).ToContainTextAsync($"{today.AddYears(3):yyyy-MM-dd}前不得再次申请");
        var refusedShot = await Screenshots.SaveAsync(page, "lifecycle-issue-refused");

        await using var db = app.SystemDb();
        var stored = await db.Certificates.Include(c => c.History).SingleAsync(c => c.Number == number);
        Assert.Equal([CertificateEventKind.Issued, CertificateEventKind.ReviewPassed, CertificateEventKind.Revoked], stored.Chronicle.Select(e => e.Kind));
        Assert.Equal(issuedOn.AddYears(6).AddDays(-1), stored.NextReviewDue);
        Assert.Equal(1, await db.Certificates.CountAsync(c => c.Number == number));
        // The refused issue answers 422, as the API does; nothing else went wrong.
        problems.AssertNoneBut(422, "/registry/issue");
        foreach (var shot in new[] { issueShot, formShot, reviewShot, refusedShot }) Assert.True(new FileInfo(shot).Length > 0, $"Empty screenshot at {shot}.");
    }

    /// <summary>A valid ID number of an adult no certificate of the demo has.</summary>
    private async Task<string> NewHolderAsync(DateOnly today)
    {
        await using var db = app.SystemDb();
        for (var sequence = 100; ; sequence++)
        {
            var first17 = "440106" + today.AddYears(-35).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
            var number = first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
            if (!await db.Certificates.AnyAsync(c => c.Number == number)) return number;
        }
    }
}
