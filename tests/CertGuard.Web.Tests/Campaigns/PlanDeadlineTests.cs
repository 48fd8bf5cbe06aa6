using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns;
using CertGuard.Testing;
using CertGuard.Web.Features.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Campaigns;

/// <summary>
/// The plan deadline acts through the daily deadline job: a city that has not submitted its implementation plan by
/// the campaign's plan deadline is flagged late on the plan itself (persisted, audited, once), not worked out when
/// the list is read; a plan submitted after the deadline is recorded late; one submitted in time is never flagged.
/// </summary>
public abstract class PlanDeadlineTests(CampaignApp app)
{
    private const string Guangzhou = "440100";
    private const string Shenzhen = "440300";
    private const string Foshan = "440600";

    [Fact]
    public async Task The_deadline_job_flags_every_plan_not_submitted_by_the_deadline_once_and_leaves_the_plans_submitted_in_time()
    {
        var id = await NewCampaignAsync();
        var city = app.ApiClient(Role.CityOffice.Id);
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var dueBy = ChinaDueBy();

        // 佛山 submitted in time (before the deadline); 广州 submits now, a day after it.
        await using (var db = app.SystemDb())
        {
            var foshan = new ImplementationPlan(id, Foshan);
            foshan.Write("佛山市实施方案。");
            foshan.Submit("fs.office", dueBy.AddDays(-1), dueBy);
            db.ImplementationPlans.Add(foshan);
            await db.SaveChangesAsync();
        }
        var written = await Json(await city.PutAsJsonAsync($"/api/v1/campaigns/{id}/plans/mine", new { text = "广州市实施方案。" }));
        var submitted = await Json(await city.PostAsJsonAsync($"/api/v1/campaigns/plans/{written.GetProperty("id").GetGuid()}/submission",
            new { version = written.GetProperty("version").GetInt32() }));
        Assert.True(submitted.GetProperty("late").GetBoolean());

        // Before the job ran, nothing is worked out on read: 深圳 has no plan and is not (yet) flagged.
        var before = await RowsAsync(province, id);
        Assert.False(before[Shenzhen].GetProperty("late").GetBoolean());
        Assert.True(before[Guangzhou].GetProperty("late").GetBoolean());

        var job = app.Services.GetRequiredService<ReportDeadlineJob>();
        var run = await job.RunOnceAsync(CancellationToken.None);
        Assert.NotNull(run);
        // This campaign's 21 cities less 广州 (already late from its submission) and 佛山 (in time); the demo's
        // campaigns, whose plan deadlines have passed too, are flagged by the same run.
        Assert.True(run.PlansFlagged >= 19, $"{run.PlansFlagged} plans flagged");

        var after = await RowsAsync(province, id);
        Assert.True(after[Shenzhen].GetProperty("late").GetBoolean());
        Assert.True(after[Guangzhou].GetProperty("late").GetBoolean());
        Assert.False(after[Foshan].GetProperty("late").GetBoolean());
        Assert.Equal(20, after.Values.Count(r => r.GetProperty("late").GetBoolean()));

        Guid shenzhenPlan;
        int entries;
        await using (var db = app.SystemDb())
        {
            var plan = await db.ImplementationPlans.SingleAsync(p => p.CampaignId == id && p.CityCode == Shenzhen);
            Assert.True(plan.Late);
            Assert.Equal(PlanState.Draft, plan.State);
            shenzhenPlan = plan.Id;
            var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(ImplementationPlan) && a.EntityId == shenzhenPlan.ToString()).ToListAsync();
            Assert.NotEmpty(audited);
            Assert.All(audited, a => Assert.Equal(ReportDeadlineJob.Actor.Name, a.Actor));
            entries = audited.Count;
        }

        // Once: the next day's run changes nothing and writes nothing.
        var again = await job.RunOnceAsync(CancellationToken.None);
        Assert.NotNull(again);
        Assert.Equal(0, again.PlansFlagged);
        await using (var db = app.SystemDb())
            Assert.Equal(entries, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ImplementationPlan) && a.EntityId == shenzhenPlan.ToString()));
    }

    private DateTimeOffset ChinaDueBy() => Core.Time.ChinaTime.EndOfDay(app.Today().AddDays(-1));

    private static async Task<Dictionary<string, JsonElement>> RowsAsync(HttpClient province, Guid id) =>
        (await province.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/plans")).EnumerateArray()
        .ToDictionary(r => r.GetProperty("cityCode").GetString()!);

    private async Task<Guid> NewCampaignAsync()
    {
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var today = app.Today();
        var created = await Json(await province.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = $"方案逾期测试 {Guid.NewGuid():N}",
            documentNumber = "粤安办〔2026〕98号",
            startsOn = Date(today.AddDays(-60)),
            endsOn = Date(today.AddDays(60)),
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var deadlines = await province.PutAsJsonAsync($"/api/v1/campaigns/{id}/deadlines", new
        {
            planDueOn = Date(today.AddDays(-1)),
            summaryDueOn = Date(today.AddDays(30)),
            version = created.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, deadlines.StatusCode);
        return id;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode? expected = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == (expected ?? HttpStatusCode.OK), $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

public sealed class SqlitePlanDeadlineTests(SqliteCampaignApp app) : PlanDeadlineTests(app), IClassFixture<SqliteCampaignApp>;

public sealed class PostgresPlanDeadlineTests(PostgresCampaignApp app) : PlanDeadlineTests(app), IClassFixture<PostgresCampaignApp>;
