using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>An inspector finds a lead in the city's inbox and proposes "no action"; the enforcement lead approves it.</summary>
public sealed class LeadNoActionJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_inspector_proposes_no_action_and_the_enforcement_lead_approves()
    {
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var lead = new InspectionLead("440100", LeadSources.Tip, "浏览器测试：举报某工地电工持假证", "test", clock.GetUtcNow().AddDays(-400)) { SourceId = Guid.NewGuid() };
        await using (var db = app.SystemDb())
        {
            db.InspectionLeads.Add(lead);
            await db.SaveChangesAsync();
        }

        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            var problems = PageProblems.Watch(page);
            var (userName, password) = app.Account(Role.Inspector.Id);
            await Steps.SubmitSignInAsync(page, userName, password);
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != Steps.SignInPath);
            await page.Locator("[data-nav='leads']").First.ClickAsync();
            // The oldest open lead comes first.
            await Expect(page.GetByTestId("lead").First).ToContainTextAsync("浏览器测试");
            await page.GetByTestId("lead").First.Locator("a").ClickAsync();
            await page.GetByTestId("lead-reason").FillAsync("经现场核实，该电工持有真实有效证书，举报不实。");
            await page.GetByTestId("lead-propose").ClickAsync();
            await Expect(page.GetByTestId("lead-status")).ToHaveAttributeAsync("data-status", nameof(LeadStatus.AwaitingApproval));
            await Expect(page.GetByTestId("lead-approve")).ToHaveCountAsync(0);
            problems.AssertNone();
        }

        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            var (userName, password) = app.Account(Role.EnforcementLead.Id);
            await Steps.SubmitSignInAsync(page, userName, password);
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != Steps.SignInPath);
            await page.GotoAsync($"/leads/{lead.Id}");
            await Expect(page.GetByTestId("lead-note")).ToContainTextAsync("举报不实");
            await page.GetByTestId("lead-approve").ClickAsync();
            await Expect(page.GetByTestId("lead-message")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("lead-disposition")).ToHaveAttributeAsync("data-disposition", nameof(LeadDisposition.NoAction));
            await Screenshots.SaveAsync(page, "lead-no-action-approved");
        }
    }
}
