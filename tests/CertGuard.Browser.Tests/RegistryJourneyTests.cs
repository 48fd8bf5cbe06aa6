using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using CertGuard.Core.Holders;
using CertGuard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// An issuing authority's day: sign in through the form, find a card by the number printed on it (with its "T"),
/// read the certificate in Chinese with its history and masked number, reveal the full number.
/// </summary>
public sealed class RegistryJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Mask = "**********";

    /// <summary>Guangzhou, the demo city of the issuing-authority account and of the sample certificates.</summary>
    private const string DemoCity = "440100";

    [Fact]
    public async Task Issuing_authority_finds_a_card_by_its_printed_number_and_reveals_the_full_number()
    {
        var sample = SampleCertificate.All(app.Credentials)[0];
        var state = UiStrings.ChineseState(sample.State);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        // Sign in through the real form and land on the registry, in Chinese, with the account in the header.
        await Steps.SignInToRegistryAsync(page, app, Role.IssuingAuthority.Id);
        await Expect(page.Locator("main h1")).ToHaveTextAsync("证书登记库");
        var who = page.GetByTestId("who");
        await Expect(who).ToContainTextAsync(await DisplayNameAsync(Role.IssuingAuthority.Id));
        await Expect(who).ToContainTextAsync(UiStrings.Chinese($"Role.{Role.IssuingAuthority.Id}"));
        await Expect(page.GetByTestId("registry-table")).ToBeVisibleAsync();
        var registryShot = await Screenshots.SaveAsync(page, "registry");

        // Search the number as printed on the card: exactly that holder's certificates come back.
        await Steps.SearchRegistryAsync(page, sample.PrintedNumber);
        var rows = page.GetByTestId("registry-table").Locator("tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var count = await rows.CountAsync();
        Assert.Equal(await CertificatesOfAsync(sample.Number), count);
        await Expect(page.GetByTestId("registry-total")).ToHaveTextAsync($"共 {count} 本证书");
        Assert.All(await rows.Locator("td:nth-child(1)").AllInnerTextsAsync(), n => Assert.Equal(ResidentIdNumber.Mask(sample.Number), n.Trim()));
        Assert.All(await rows.Locator("td:nth-child(2)").AllInnerTextsAsync(), h => Assert.Equal(sample.HolderName, h.Trim()));

        // Open the sample itself: the holder's certificate in the sample's state.
        var row = rows.Filter(new LocatorFilterOptions { Has = page.Locator("td:nth-child(7)").GetByText(state, new LocatorGetByTextOptions { Exact = true }) }).First;
        await row.Locator("td:nth-child(1) a").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/registry/certificate/", StringComparison.Ordinal));

        await Expect(page.GetByTestId("certificate-state")).ToHaveTextAsync(state);
        await Expect(page.Locator("main h1")).ToContainTextAsync(sample.HolderName);
        await Expect(page.GetByTestId("history").Locator("tbody tr").First.Locator("td:nth-child(2)")).ToHaveTextAsync("考核合格发证");
        var number = page.GetByTestId("certificate-number");
        await Expect(number).ToContainTextAsync(Mask);
        await Expect(number).ToHaveTextAsync(ResidentIdNumber.Mask(sample.Number));
        var certificateShot = await Screenshots.SaveAsync(page, "certificate");

        // Revealing shows the full number, as printed, and the button is gone.
        await page.GetByTestId("reveal").ClickAsync();
        await Expect(number).ToHaveTextAsync(sample.PrintedNumber);
        await Expect(page.GetByTestId("reveal")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("certificate-state")).ToHaveTextAsync(state);

        foreach (var shot in new[] { registryShot, certificateShot })
        {
            Assert.True(File.Exists(shot), $"No screenshot at {shot}.");
            Assert.True(new FileInfo(shot).Length > 0, $"Empty screenshot at {shot}.");
        }
    }

    private async Task<string> DisplayNameAsync(string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.FindByNameAsync(app.Account(role).UserName);
        return account?.DisplayName ?? throw new InvalidOperationException($"No demo account for {role}.");
    }

    /// <summary>How many certificates of the holder the issuing authority (the demo city) can see.</summary>
    private async Task<int> CertificatesOfAsync(string number)
    {
        await using var db = app.SystemDb();
        return await db.Certificates.CountAsync(c => c.Number == number && c.RegionCode == DemoCity);
    }
}
