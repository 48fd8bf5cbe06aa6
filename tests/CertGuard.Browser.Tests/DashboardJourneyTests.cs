using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// The campaign dashboard in a real Chromium, on known figures (the test indicator source): the province office goes
/// from its workbench to /dashboard, where ECharts draws the map of the 21 cities each with its value, the trend, the
/// ranking and the results (screenshot TestResults/screenshots/dashboard-1366.png, the one in docs/screenshots), and
/// the page fits a 390 px phone without sideways scrolling.
/// </summary>
public sealed class DashboardJourneyTests(DashboardBrowserApp app) : IClassFixture<DashboardBrowserApp>
{
    [Fact]
    public async Task The_province_office_opens_the_dashboard_and_the_map_shows_the_21_cities_with_values_at_1366_and_fits_390()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await page.SetViewportSizeAsync(1366, 900);
        await Steps.SignInAsync(page, app, Role.ProvinceOffice.Id);

        await page.Locator("[data-chart='campaign-results']").GetByTestId("chart-link").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dashboard");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(UiStrings.Chinese("Dashboard.Title"));
        foreach (var chart in new[] { "map", "trend", "ranking", "results" })
        {
            var element = page.Locator($"[data-dashboard-chart='{chart}']");
            await Expect(element).ToHaveAttributeAsync("data-drawn", "true");
            await Expect(element.Locator("canvas").First).ToBeVisibleAsync();
        }

        var map = page.Locator("[data-dashboard-chart='map']");
        var regions = await page.EvaluateAsync<string[]>("() => { const m = echarts.getMap('guangdong'); return (m.geoJSON || m.geoJson).features.map(f => f.properties.code); }");
        Assert.Equal(CertGuard.Core.Regions.RegionDirectory.Guangdong.Cities.Select(c => c.Code).Order(), regions.Order());
        var valued = await map.EvaluateAsync<string[]>(
            "e => echarts.getInstanceByDom(e).getOption().series[0].data.filter(d => typeof d.value === 'number' && d.value > 0).map(d => d.name)");
        Assert.Equal(regions.Order(), valued.Order());
        // The table beside the map carries the same 21 cities for screen readers.
        await Expect(page.GetByTestId("dashboard-table-map").Locator("tbody tr")).ToHaveCountAsync(21);
        await Screenshots.SaveAsync(page, "dashboard-1366");

        await page.SetViewportSizeAsync(390, 800);
        await page.WaitForTimeoutAsync(300);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"),
            "/dashboard scrolls sideways at 390 px: " + await page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .slice(-5).map(e => `${e.tagName.toLowerCase()}.${e.className}[${Math.round(e.getBoundingClientRect().right)}]`).join(', ')
                """));
        await Screenshots.SaveAsync(page, "dashboard-390");
        problems.AssertNone();
    }
}
