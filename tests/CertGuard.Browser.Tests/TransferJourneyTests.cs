using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Enforcement.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// Across three roles: the safety bureau reports and sends a forged-certificate case with its package, the police file
/// it and record two suspects and one den, the province sees it and the demo's fine-only case flagged as 以罚代刑.
/// </summary>
public sealed class TransferJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_safety_bureau_transfers_the_police_file_and_the_province_sees_it()
    {
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var at = clock.GetUtcNow().AddDays(-2);
        Guid caseId;
        await using (var db = app.SystemDb())
        {
            var authority = await db.Organisations.AsNoTracking().FirstAsync(o => o.Kind == Role.IssuingAuthority.Id && o.RegionCode == "440100");
            var lead = new InspectionLead("440100", LeadSources.Inspection, "浏览器测试：现场发现伪造的操作证", "test", at);
            var c = new EnforcementCase(new CaseOpening("440100", authority.Id, authority.Name, "浏览器测试：持伪造的特种作业操作证上岗", "冯某", null, null,
                [], ["HOLDER-FORGED-CERTIFICATE"], [lead.Id], LifeOrSafety: true), "test", at);
            lead.OpenCase(c.Id, "test", at);
            c.ApproveFiling("test", at);
            db.InspectionLeads.Add(lead);
            db.EnforcementCases.Add(c);
            await db.SaveChangesAsync();
            caseId = c.Id;
        }

        string transferPath;
        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            var problems = PageProblems.Watch(page);
            await SignInAsync(page, Role.Inspector.Id);
            await page.GotoAsync($"/cases/{caseId}");
            await page.GetByTestId("case-transfer").ClickAsync();
            await page.GetByTestId("transfer-officer2").FillAsync("王执法");
            await page.GetByTestId("transfer-investigation").FillAsync("经调查，当事人以800元向网络卖家购买该证。");
            await page.GetByTestId("transfer-item1").FillAsync("伪造的特种作业操作证");
            await page.GetByTestId("transfer-count1").FillAsync("2");
            await page.GetByTestId("transfer-appraisal").FillAsync("发证机关鉴定：非本机关制发，系伪造。");
            await page.GetByTestId("transfer-evidence").FillAsync("现场照片、询问笔录");
            await page.GetByTestId("transfer-report-submit").ClickAsync();
            await Expect(page.GetByTestId("transfer-state")).ToHaveAttributeAsync("data-state", "Reported");
            transferPath = new Uri(page.Url).AbsolutePath;
            problems.AssertNone();
        }

        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, Role.EnforcementLead.Id);
            await page.GotoAsync(transferPath);
            await page.GetByTestId("transfer-approve").ClickAsync();
            await Expect(page.GetByTestId("transfer-state")).ToHaveAttributeAsync("data-state", "Approved");
            await page.GetByTestId("transfer-send").ClickAsync();
            await Expect(page.GetByTestId("transfer-state")).ToHaveAttributeAsync("data-state", "Transferred");
            await Expect(page.GetByTestId("transfer-letter-number")).ToContainTextAsync("穗应急移");
            await page.GetByTestId("transfer-document-transfer-letter").ClickAsync();
            await Expect(page.Locator("body")).ToContainTextAsync("广州市公安局");
        }

        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            var problems = PageProblems.Watch(page);
            await SignInAsync(page, Role.Police.Id);
            await page.Locator("[data-nav='transfers']").First.ClickAsync();
            await page.GotoAsync(transferPath);
            await page.GetByTestId("transfer-accept").ClickAsync();
            await page.GetByTestId("transfer-decision-reason").FillAsync("有犯罪事实，立案侦查");
            await page.GetByTestId("transfer-decide").ClickAsync();
            await Expect(page.GetByTestId("transfer-state")).ToHaveAttributeAsync("data-state", "Filed");
            await page.GetByTestId("transfer-suspects").FillAsync("2");
            await page.GetByTestId("transfer-dens").FillAsync("1");
            await page.GetByTestId("transfer-record-counts").ClickAsync();
            await Expect(page.GetByTestId("transfer-counts")).ToContainTextAsync("抓获犯罪嫌疑人 2");
            problems.AssertNone();
        }

        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, Role.ProvinceOffice.Id);
            await page.GotoAsync("/transfers?state=Filed");
            await Expect(page.Locator($"a[href='{transferPath}']")).ToBeVisibleAsync();
            await page.GotoAsync("/transfers?view=flagged");
            await Expect(page.GetByTestId("flagged-row").First).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "transfers-province-flagged");
        }
    }

    private async Task SignInAsync(Microsoft.Playwright.IPage page, string role)
    {
        var (userName, password) = app.Account(role);
        await Steps.SubmitSignInAsync(page, userName, password);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != Steps.SignInPath);
    }
}
