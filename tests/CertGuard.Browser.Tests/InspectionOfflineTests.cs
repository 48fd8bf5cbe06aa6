using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using CertGuard.Core.Holders;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// An inspector's phone on site (390 px wide): the record page of an inspection under way; with the network switched
/// off a worker is recorded and waits on the device (the count shows 1); with the network back it reaches the server,
/// once, and shows its verdict; reloaded offline, the page still opens (its service worker).
/// </summary>
public sealed class InspectionOfflineTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_worker_recorded_offline_on_a_phone_reaches_the_server_once_when_the_network_returns()
    {
        using var api = new HttpClient { BaseAddress = app.ServerAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.ApiKey(Role.Inspector.Id));
        var employers = await api.GetFromJsonAsync<JsonElement>("/api/v1/inspections/plan/suggestions");
        var employer = employers.EnumerateArray().First(c => c.GetProperty("target").GetString() == "employer").GetProperty("organisationId").GetGuid();
        var created = await api.PostAsJsonAsync("/api/v1/inspections", new
        {
            organisationId = employer, place = "广州市白云区厂区",
            officers = new object[] { new { account = app.Account(Role.Inspector.Id).UserName }, new { account = app.Account(Role.EnforcementLead.Id).UserName } },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var valid = SampleCertificate.All(app.Credentials).First(s => s.State == "Valid");
        foreach (var (number, name) in new[] { (valid.Number, valid.HolderName), (Unknown("111"), "甲某"), (Unknown("222"), "乙某") })
            Assert.True((await api.PostAsJsonAsync($"/api/v1/inspections/{id}/workers", new { number, name })).IsSuccessStatusCode);

        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", BaseURL = app.ServerAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await Steps.SignInAsync(page, app, Role.Inspector.Id);
        await page.GotoAsync($"/inspections/{id}");
        await Expect(page.GetByTestId("insp-workers").Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("insp-pending")).ToHaveAttributeAsync("data-count", "0");
        // Nothing wider than the phone: the record is used with one thumb, not scrolled sideways.
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('#insp-worker-form').getBoundingClientRect().right <= window.innerWidth"));

        var fourth = Unknown("333");
        await context.SetOfflineAsync(true);
        await page.GetByTestId("insp-worker-number").FillAsync(fourth);
        await page.GetByTestId("insp-worker-name").FillAsync("丙某");
        await page.GetByTestId("insp-worker-submit").ClickAsync();
        await Expect(page.GetByTestId("insp-pending")).ToHaveAttributeAsync("data-count", "1");
        await Expect(page.GetByTestId("insp-pending")).ToContainTextAsync("待发送：1");
        var shot = await Screenshots.SaveAsync(page, "inspection-offline-390");

        await context.SetOfflineAsync(false);
        await Expect(page.GetByTestId("insp-pending")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("insp-workers").Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("insp-workers").Locator("tbody tr").Last).ToHaveAttributeAsync("data-verdict", "not-found");

        // Reloaded, the page still shows four workers: the fourth reached the server once, and nothing waits any more.
        await page.EvaluateAsync<bool>("() => navigator.serviceWorker.ready.then(() => true)");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("insp-workers").Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("insp-pending")).ToHaveAttributeAsync("data-count", "0");
        var record = await api.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/{id}");
        Assert.Single(record.GetProperty("workers").EnumerateArray(), w => w.GetProperty("number").GetString() == fourth);

        // Reloaded again without a network, the page comes from the inspection pages' service worker.
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("insp-workers").Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("insp-worker-form")).ToBeVisibleAsync();
        await context.SetOfflineAsync(false);
        Assert.True(new FileInfo(shot).Length > 0, $"Empty screenshot at {shot}.");
    }

    private static string Unknown(string tail)
    {
        var first17 = $"44011119920202{tail}";
        return first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
    }
}
