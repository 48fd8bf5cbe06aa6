using CertGuard.Core.Campaigns;
using CertGuard.Core.Time;

namespace CertGuard.Data.Campaigns;

/// <summary>
/// The campaign's own work in the demo: the 2018 campaign as it ran (history), and for the current one
/// (<see cref="CampaignsDemo.CurrentId"/>) the notice's four phases, each department's tasks, the working group, plans
/// of a few cities (one late, one returned), and a supervision visit to 广州 whose findings became tasks, one overdue.
/// Names and phones are invented.
/// </summary>
internal static class CampaignWorkDemo
{
    public static readonly Guid Campaign2018Id = Guid.Parse("0193a000-2018-7000-8000-000000000091");

    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var history = new Campaign(Campaign2018Id, "广东省打击假冒特种作业操作证专项治理行动（2018年）", "粤安办〔2018〕91号",
            new DateOnly(2018, 7, 10), new DateOnly(2018, 12, 31));
        db.Campaigns.Add(history);
        AddPhases(db, history, today, withTasks: false);

        var current = await db.Campaigns.FindAsync([CampaignsDemo.CurrentId], ct);
        if (current is null) return;
        var phases = AddPhases(db, current, today, withTasks: true);
        db.WorkingGroupMembers.AddRange(
            new WorkingGroupMember(current.Id, "陈立新", "省安委办", "组长", "020-83130001"),
            new WorkingGroupMember(current.Id, "黄志明", "省应急管理厅", "副组长", "020-83130002"),
            new WorkingGroupMember(current.Id, "林晓燕", "省公安厅", "成员", "020-83130003"),
            new WorkingGroupMember(current.Id, "吴建华", "省市场监管局", "成员", "020-83130004"),
            new WorkingGroupMember(current.Id, "周敏", "省委网信办", "成员", "020-83130005"),
            new WorkingGroupMember(current.Id, "郑伟", "省工业和信息化厅", "成员", "020-83130006"));

        // Plans: 深圳 on time and accepted, 佛山 late, 珠海 returned; 广州 (the demo city office) still to submit.
        var onTime = current.PlanDueBy.AddDays(-5);
        Plan(db, current, "440300", "深圳市打击假冒特种作业操作证专项治理行动实施方案：成立工作组，分四个阶段推进……", onTime, late: false, decide: p => p.Accept("province.office", onTime.AddDays(2)));
        Plan(db, current, "440600", "佛山市实施方案：全面部署，组织用人单位自查自改……", current.PlanDueBy.AddDays(3), late: true, decide: null);
        Plan(db, current, "440400", "珠海市实施方案（初稿）", onTime, late: false,
            decide: p => p.Return("未明确各部门分工和时间节点，请补充后重新报送。", "province.office", onTime.AddDays(1)));

        // A supervision visit to 广州 in the 集中整治 phase: two findings, one already past its deadline.
        var middle = phases.Count >= 3 ? phases[2] : phases[^1];
        var visitStart = middle.StartsOn.AddDays(14) < today ? middle.StartsOn.AddDays(14) : current.StartsOn;
        var visit = new SupervisionVisit(current.Id, "440100", visitStart, visitStart.AddDays(1), "陈立新（省安委办）\n林晓燕（省公安厅）");
        visit.Record("抽查2家建筑施工企业和1家培训机构，发现电工作业人员持证核验不到位。", visit.Members, "province.office", ChinaTime.StartOfDay(visitStart.AddDays(1)));
        db.SupervisionVisits.Add(visit);
        db.SupervisionTasks.Add(new SupervisionTask(visit, "督促白云区2家施工企业完成电工持证情况全面核验并建立台账", today.AddDays(-3)));
        db.SupervisionTasks.Add(new SupervisionTask(visit, "对涉事培训机构开展复查，报送处理结果", today.AddDays(20)));
        await db.SaveChangesAsync(ct);
    }

    private static List<CampaignPhase> AddPhases(CertGuardDbContext db, Campaign campaign, DateOnly today, bool withTasks)
    {
        var list = new List<CampaignPhase>();
        var order = 0;
        foreach (var input in CampaignDesk.NoticePhases(campaign.StartsOn, campaign.EndsOn))
        {
            var phase = new CampaignPhase(campaign.Id, ++order, input.Name, input.StartsOn, input.EndsOn);
            db.CampaignPhases.Add(phase);
            list.Add(phase);
            if (!withTasks) continue;
            foreach (var (department, text) in TasksOf(input.Name))
                db.CampaignTasks.Add(new CampaignTask(phase, department, text, phase.EndsOn));
        }
        return list;
    }

    // The notice's tasks, phase by phase, for the department that carries each.
    private static IEnumerable<(string Department, string Text)> TasksOf(string phase) => phase switch
    {
        "动员部署" =>
        [
            ("office", "制定本地实施方案，成立专项治理行动工作组，7月底前报送省安委办"),
            ("emergency", "组织培训机构和考核发证部门完成培训和取证流程自查"),
            ("cyberspace", "梳理假冒安全监管部门网站线索，建立封堵台账"),
        ],
        "自查自纠" =>
        [
            ("emergency", "督促用人单位通过全国查询平台查验特种作业人员证书，整改无证和持假证上岗"),
            ("industry", "组织本行业领域用人单位开展自查自纠"),
        ],
        "集中整治" =>
        [
            ("emergency", "开展特种作业人员持证上岗专项执法检查，对培训机构全面监督检查"),
            ("police", "倒查假证获取渠道，打击制假售假窝点和团伙"),
            ("market", "查处网上售卖特种作业操作证和虚假宣传"),
            ("cyberspace", "对假冒政府网站发现一个、封堵关闭一个"),
        ],
        _ =>
        [
            ("office", "12月25日前报送专项治理行动工作总结"),
            ("police", "公布一批典型案例"),
        ],
    };

    private static void Plan(CertGuardDbContext db, Campaign campaign, string city, string text, DateTimeOffset at, bool late, Action<ImplementationPlan>? decide)
    {
        var plan = new ImplementationPlan(campaign.Id, city);
        plan.Write(text);
        plan.Submit("demo." + city, at, late ? at.AddDays(-1) : campaign.PlanDueBy);
        decide?.Invoke(plan);
        db.ImplementationPlans.Add(plan);
    }
}
