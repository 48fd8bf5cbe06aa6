using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using CertGuard.Core.WebWatch;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// Issue 13 tried in a browser. A 网信 officer (gz.cyberspace) at 1366 px opens 网站监测, asks the look-alikes of
/// mem.gov.cn and finds mem-gov.cn, memgov.com and mem-gov-cn.com registrable; picks the demo suspect in 发现 from the
/// list filtered by state, confirms it as fake with a reason, refers it to 网信 and sees its state follow; on a phone
/// (390 px) the suspect page does not scroll sideways. An anonymous visitor reports a fake site on /webwatch/report,
/// sees the confirmation, and the officer finds the report among the city's 发现 suspects.
/// </summary>
public sealed class WebWatchJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string DemoFound = "mem-gov-cn.com";   // WebWatchDemo: a look-alike found two days ago, not yet triaged
    private const string Reported = "tzzy-zhengshu-chaxun.top";

    [Fact]
    public async Task A_cyberspace_officer_confirms_and_refers_a_found_fake_site_and_a_visitors_report_lands_as_a_suspect()
    {
        await using var officer = await app.NewContextAsync();
        var page = await officer.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 900);
        var problems = PageProblems.Watch(page);
        await Steps.SignInAsync(page, app, Role.Cyberspace.Id);
        await page.Locator("nav.mainnav a[data-nav='webwatch']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/webwatch");

        // Look-alikes of mem.gov.cn: the registrable forms of the .gov.cn name are listed and marked 是. The page shows the
        // 60 riskiest; "名称包含" narrows them (mem-gov-cn.com ties at the top score with a hundred others).
        await page.GetByTestId("lookalike-domain").FillAsync("mem.gov.cn");
        await page.GetByTestId("lookalike-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("domain=mem.gov.cn", StringComparison.Ordinal));
        await ExpectRegistrableAsync(page, "mem-gov.cn", "memgov.com");
        var topScore = await ScoreAsync(page, "mem-gov.cn");

        await page.GetByTestId("lookalike-contains").FillAsync("gov-cn");
        await page.GetByTestId("lookalike-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("contains=gov-cn", StringComparison.Ordinal));
        await ExpectRegistrableAsync(page, "mem-gov-cn.com");
        Assert.Equal(topScore, await ScoreAsync(page, "mem-gov-cn.com"));
        Assert.All(await page.GetByTestId("lookalike").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.domain)"), d => Assert.Contains("gov-cn", d));

        // …while the permutations still under .gov.cn, which outsiders cannot register, say 否 and score lower.
        await page.GetByTestId("lookalike-contains").FillAsync(".gov.cn");
        await page.GetByTestId("lookalike-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("contains=.gov.cn", StringComparison.Ordinal));
        var govCn = page.Locator("[data-testid='lookalike'][data-domain$='.gov.cn']");
        await Expect(govCn.First).ToBeVisibleAsync();
        await Expect(govCn.Locator("td[data-registrable='true']")).ToHaveCountAsync(0);
        var govCnScores = await govCn.EvaluateAllAsync<int[]>("rs => rs.map(r => parseInt(r.cells[3].textContent, 10))");
        Assert.True(govCnScores.Max() < topScore, $".gov.cn permutations score up to {govCnScores.Max()}, the registrable forms {topScore}");

        // The list filtered to 发现; the demo look-alike is there, and only suspects in that state.
        await page.GetByTestId("webwatch-state").SelectOptionAsync(nameof(SuspectState.Found));
        await page.GetByTestId("webwatch-filter").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("state=Found", StringComparison.Ordinal));
        var rows = page.GetByTestId("suspect");
        await Expect(rows.First).ToBeVisibleAsync();
        Assert.All(await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.state)"), s => Assert.Equal(nameof(SuspectState.Found), s));
        var row = page.Locator($"[data-testid='suspect'][data-key='{DemoFound}']");
        await Expect(row).ToContainTextAsync("发现");
        await row.Locator($"a:text-is('{DemoFound}')").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/webwatch/suspect/", StringComparison.Ordinal));
        var suspectUrl = page.Url;
        await Expect(page.GetByTestId("suspect-key")).ToHaveTextAsync(DemoFound);
        await Expect(page.GetByTestId("suspect-state")).ToHaveTextAsync("发现");
        await Expect(page.GetByTestId("refer")).ToHaveCountAsync(0);   // nothing to refer before it is confirmed

        // 核实: fake, with the reason the officer saw.
        const string reason = "仿冒应急管理部特种作业操作证查询页面，无ICP备案，页面留有办证微信";
        await page.GetByTestId("verify-reason").FillAsync(reason);
        await page.GetByTestId("verify-fake").ClickAsync();
        await Expect(page.GetByTestId("webwatch-message")).ToHaveTextAsync("已记录核实结论。");
        await Expect(page.GetByTestId("suspect-state")).ToHaveAttributeAsync("data-state", nameof(SuspectState.Confirmed));
        await Expect(page.GetByTestId("suspect-state")).ToHaveTextAsync("核实为仿冒");
        await Expect(page.GetByTestId("suspect-verdict")).ToContainTextAsync("仿冒");
        await Expect(page.GetByTestId("suspect-verdict")).ToContainTextAsync(reason);
        await Expect(page.GetByTestId("verify-fake")).ToHaveCountAsync(0);   // triaged once, not again

        // 移交 to 网信 for closure.
        await page.GetByTestId("refer-department").SelectOptionAsync(ReferralDepartments.Cyberspace);
        await page.GetByTestId("refer-note").FillAsync("请予关停并通知接入商");
        await page.GetByTestId("refer").ClickAsync();
        await Expect(page.GetByTestId("webwatch-message")).ToHaveTextAsync("已移交。");
        await Expect(page.GetByTestId("suspect-state")).ToHaveAttributeAsync("data-state", nameof(SuspectState.Referred));
        await Expect(page.GetByTestId("suspect-state")).ToHaveTextAsync("已移交");
        await Expect(page.GetByTestId("referrals").Locator("li")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("referrals")).ToContainTextAsync("网信（关停、屏蔽）：请予关停并通知接入商");
        await Screenshots.SaveAsync(page, "webwatch-suspect-referred-1366");

        // The list agrees: no longer among the 发现.
        await page.GotoAsync("/webwatch?state=Found");
        await Expect(page.Locator($"[data-testid='suspect'][data-key='{DemoFound}']")).ToHaveCountAsync(0);
        await page.GotoAsync("/webwatch?state=Referred");
        await Expect(page.Locator($"[data-testid='suspect'][data-key='{DemoFound}']")).ToContainTextAsync("已移交");

        // On a phone: the suspect page does not scroll sideways.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(suspectUrl);
        await Expect(page.GetByTestId("suspect-key")).ToHaveTextAsync(DemoFound);
        Assert.True(await FitsAsync(page), $"the suspect page scrolls sideways at 390 px: {await WidestAsync(page)}");
        await Screenshots.SaveAsync(page, "webwatch-suspect-390");
        problems.AssertNone();

        // An anonymous visitor reports a fake query site.
        await using (var visitor = await app.NewContextAsync())
        {
            var form = await visitor.NewPageAsync();
            var visitorProblems = PageProblems.Watch(form);
            await form.GotoAsync("/webwatch/report");
            await Expect(form.GetByTestId("report-received")).ToHaveCountAsync(0);
            await form.GetByTestId("report-url").FillAsync($"http://{Reported}/chaxun.html");
            await form.GetByTestId("report-city").SelectOptionAsync("440100");
            await form.GetByTestId("report-description").FillAsync("搜索“特种作业操作证查询”时看到的网站，要求先付费才能查询证书。");
            await form.GetByTestId("report-submit").ClickAsync();
            await Expect(form.GetByTestId("report-received")).ToHaveTextAsync("已收到，谢谢。网信部门会核实处理。");
            visitorProblems.AssertNone();
        }

        // …and it lands among Guangzhou's 发现 suspects, for the officer to triage.
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/webwatch?state=Found");
        var reported = page.Locator($"[data-testid='suspect'][data-key='{Reported}']");
        await Expect(reported).ToHaveAttributeAsync("data-state", nameof(SuspectState.Found));
        await Expect(reported).ToContainTextAsync(SuspectSources.PublicReport);
    }

    [Fact]
    public async Task Market_regulation_answers_on_a_phone_the_live_stream_sale_referred_to_it_with_the_case_it_filed()
    {
        await using var officer = await app.NewContextAsync();
        var page = await officer.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        var problems = PageProblems.Watch(page);
        await Steps.SignInAsync(page, app, Role.MarketRegulation.Id);
        await page.GotoAsync("/webwatch");

        // Market regulation sees the two listings referred to it, not the city's fake sites.
        var rows = page.GetByTestId("suspect");
        await Expect(rows).ToHaveCountAsync(2);
        await page.Locator("[data-testid='suspect'][data-key='douyin:live/7712'] a").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/webwatch/suspect/", StringComparison.Ordinal));

        await page.GetByTestId("answer").SelectOptionAsync(nameof(ReferralAnswer.CaseFiled));
        await page.GetByTestId("answer-document").FillAsync("穗市监立〔2026〕201号");
        await page.GetByTestId("answer-note").FillAsync("对直播间经营者立案查处");
        Assert.True(await FitsAsync(page), await WidestAsync(page));
        await page.GetByTestId("answer-submit").ClickAsync();
        await Expect(page.GetByTestId("referral-answer")).ToContainTextAsync("立案查处（穗市监立〔2026〕201号）");
        await Expect(page.GetByTestId("answer-form")).ToHaveCountAsync(0);
        problems.AssertNone();
    }

    private static async Task ExpectRegistrableAsync(IPage page, params string[] domains)
    {
        foreach (var domain in domains)
        {
            var cell = page.Locator($"[data-testid='lookalike'][data-domain='{domain}'] td[data-registrable]");
            await Expect(cell).ToHaveAttributeAsync("data-registrable", "true");
            await Expect(cell).ToHaveTextAsync("是");
        }
    }

    private static async Task<int> ScoreAsync(IPage page, string domain) =>
        int.Parse(await page.Locator($"[data-testid='lookalike'][data-domain='{domain}'] td").Nth(3).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1");

    // What sticks out, to say which element breaks the reflow when it fails.
    private static Task<string> WidestAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(-5).map(e => `${e.tagName.toLowerCase()}.${e.className}[${Math.round(e.getBoundingClientRect().right)}]`).join(', ')
            """);
}
