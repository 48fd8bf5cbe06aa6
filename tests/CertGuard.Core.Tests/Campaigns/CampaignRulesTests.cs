using CertGuard.Core.Campaigns;

namespace CertGuard.Core.Tests.Campaigns;

/// <summary>The campaign's own rules: the notice's deadlines, lateness of plans, closed phases, masked phones, rankings.</summary>
public sealed class CampaignRulesTests
{
    private static readonly Campaign Notice = new(Guid.NewGuid(), "广东省打击假冒特种作业操作证专项治理行动", "粤安办〔2018〕91号", new DateOnly(2018, 7, 10), new DateOnly(2018, 12, 31));

    [Fact]
    public void Plans_are_due_by_the_end_of_july_and_summaries_by_the_25th_of_december()
    {
        Assert.Equal(new DateOnly(2018, 7, 31), Notice.PlanDueOn);
        Assert.Equal(new DateOnly(2018, 12, 25), Notice.SummaryDueOn);
        Assert.Equal(new DateTimeOffset(2018, 8, 1, 0, 0, 0, TimeSpan.FromHours(8)), Notice.PlanDueBy.AddTicks(1));
    }

    [Fact]
    public void A_plan_submitted_on_the_last_day_is_on_time_a_day_later_late_and_stays_late_after_a_return()
    {
        var onTime = Plan();
        onTime.Submit("gz", new DateTimeOffset(2018, 7, 31, 23, 0, 0, TimeSpan.FromHours(8)), Notice.PlanDueBy);
        Assert.False(onTime.Late);

        var late = Plan();
        late.Submit("gz", new DateTimeOffset(2018, 8, 1, 9, 0, 0, TimeSpan.FromHours(8)), Notice.PlanDueBy);
        Assert.True(late.Late);
        late.Return("补充分工", "province", DateTimeOffset.UnixEpoch);
        late.Write("修改稿");
        late.Submit("gz", new DateTimeOffset(2018, 8, 3, 9, 0, 0, TimeSpan.FromHours(8)), Notice.PlanDueBy);
        Assert.True(late.Late);
        Assert.Equal(PlanState.Submitted, late.State);
        Assert.Equal("PLAN-FROZEN", Assert.Throws<DomainRuleException>(() => late.Write("再改")).Code);
    }

    [Fact]
    public void A_closed_phase_refuses_a_change_of_its_tasks()
    {
        var phase = new CampaignPhase(Notice.Id, 1, "动员部署", new DateOnly(2018, 7, 10), new DateOnly(2018, 7, 31));
        var task = new CampaignTask(phase, "office", "制定实施方案", new DateOnly(2018, 7, 31));
        task.Edit(phase, "office", "制定并报送实施方案", new DateOnly(2018, 7, 31), new DateOnly(2018, 7, 31));
        var refused = Assert.Throws<DomainRuleException>(() => task.Edit(phase, "office", "改", new DateOnly(2018, 8, 5), new DateOnly(2018, 8, 1)));
        Assert.Equal("CAMPAIGN-PHASE-CLOSED", refused.Code);
    }

    [Theory]
    [InlineData("020-83135469", "020-****5469")]
    [InlineData("13800138000", "138****8000")]
    [InlineData("5469", "****")]
    public void Phones_are_masked_for_viewers_outside_the_province_office(string phone, string masked) =>
        Assert.Equal(masked, WorkingGroupMember.MaskPhone(phone));

    [Fact]
    public void Cities_without_a_figure_rank_last_and_are_never_shown_as_zero()
    {
        var figures = new Dictionary<string, StatisticsFigures>
        {
            ["440100"] = new(new Dictionary<string, decimal> { ["6"] = 2 }),
            ["440300"] = new(new Dictionary<string, decimal> { ["6"] = 5 }),
            ["440400"] = new(new Dictionary<string, decimal>()),
        };
        var ranked = CircularTemplate.Ranked(figures, "6");
        Assert.Equal(["440300", "440100", "440400"], ranked.Select(r => r.City));
        Assert.Null(ranked[2].Value);
        var body = CircularTemplate.Body(new CircularInput(Notice, new DateOnly(2018, 9, 1), new DateOnly(2018, 9, 30), figures, "6", ["440400"], [], null, null));
        Assert.Contains("3. 珠海市：暂无数据", body, StringComparison.Ordinal);
        Assert.Contains("珠海市未按时报送", body, StringComparison.Ordinal);
        Assert.Contains(CircularTemplate.Placeholder, body, StringComparison.Ordinal);
    }

    private static ImplementationPlan Plan()
    {
        var plan = new ImplementationPlan(Notice.Id, "440100");
        plan.Write("广州市实施方案");
        return plan;
    }
}
