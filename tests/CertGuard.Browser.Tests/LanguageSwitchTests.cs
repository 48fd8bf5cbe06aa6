using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>The header's language switch turns the page English and back, staying where the user was.</summary>
public sealed class LanguageSwitchTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Language_switch_turns_the_registry_English_and_back_to_Chinese()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Steps.SignInToRegistryAsync(page, app, Role.IssuingAuthority.Id);
        var heading = page.Locator("main h1");
        var toggle = page.GetByTestId("switch-language");
        await Expect(heading).ToHaveTextAsync("证书登记库");
        await Expect(toggle).ToHaveTextAsync("English");

        await Steps.SwitchLanguageAsync(page);
        await Expect(heading).ToHaveTextAsync("Certificate registry");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(toggle).ToHaveTextAsync("中文");
        await Expect(page.GetByTestId("who")).ToContainTextAsync(UiStrings.English($"Role.{Role.IssuingAuthority.Id}"));
        Assert.Equal("/registry", new Uri(page.Url).AbsolutePath);
        await Screenshots.SaveAsync(page, "registry-en");

        // The choice sticks for the next page…
        await page.GotoAsync("/registry");
        await Expect(heading).ToHaveTextAsync("Certificate registry");

        // …until switched back.
        await Steps.SwitchLanguageAsync(page);
        await Expect(heading).ToHaveTextAsync("证书登记库");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(toggle).ToHaveTextAsync("English");
        Assert.Equal("/registry", new Uri(page.Url).AbsolutePath);
    }
}
