using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Enforcement.Penalties;
using CertGuard.Core.Organisations;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Time;

namespace CertGuard.Data.Enforcement.Cases;

/// <summary>
/// Demo cases in every stage across the demo cities, each opened from a lead of its own (closed as "case opened"), with
/// numbered documents, so the desk, the case pages and the clocks show something real.
/// </summary>
public static class CasesDemo
{
    private const string Officer = "demo:cases";

    private static readonly string[] Cities = ["440100", "440300", "440600", "441900"];

    private static readonly (string Title, string? Person, bool Employer, string Rule, long Fine)[] Kinds =
    [
        ("用人单位安排未取得特种作业操作证人员上岗作业", null, true, "EMPLOYER-UNCERTIFIED-WORKER", 30000),
        ("持伪造的特种作业操作证上岗作业", "陈某", false, "HOLDER-FORGED-CERTIFICATE", 2000),
        ("转借特种作业操作证供他人使用", "黄某", false, "HOLDER-LENT-CERTIFICATE", 3000),
        ("用人单位使用伪造的特种作业操作证", null, true, "EMPLOYER-FORGED-CERTIFICATES", 15000),
        ("未建立特种作业人员档案", null, true, "EMPLOYER-NO-FILES", 5000),
    ];

    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, ReferenceDataVersion rules, IReadOnlyList<Organisation> organisations, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stages = Enum.GetValues<CaseStage>();
        var n = 0;
        foreach (var city in Cities)
        {
            var authority = organisations.FirstOrDefault(o => o.Kind == Role.IssuingAuthority.Id && o.RegionCode == city);
            var employer = organisations.FirstOrDefault(o => o.Kind == Role.Employer.Id && o.RegionCode == city);
            var pattern = DocumentNumberPattern.ForCity(city);
            if (authority is null || pattern is null) continue;
            // Guangzhou, the demo city, has a case in every stage; the others a few.
            var targets = city == "440100" ? stages : stages.Where((_, i) => (i + n) % 3 == 0).ToArray();
            foreach (var target in targets)
            {
                var kind = Kinds[n % Kinds.Length];
                var rule = rules.Penalty(kind.Rule);
                if (rule is null) continue;
                var organisation = kind.Employer ? employer : null;
                if (kind.Employer && organisation is null) continue;
                // Opened between a week and four months ago, so some clocks run comfortably, some warn, some are overdue.
                var at = now.AddDays(-(7 + n * 37 % 120)).AddHours(-n);
                var lead = new InspectionLead(city, LeadSources.Inspection, $"演示：{kind.Title}", Officer, at) { OrganisationId = organisation?.Id };
                db.InspectionLeads.Add(lead);
                var c = new EnforcementCase(new CaseOpening(city, authority.Id, authority.Name, kind.Title, kind.Person, organisation?.Id, organisation?.Name,
                    [], [kind.Rule], [lead.Id], LifeOrSafety: true, ChinaTime.DateOf(at).AddDays(-3)), Officer, at);
                lead.OpenCase(c.Id, Officer, at);
                db.EnforcementCases.Add(c);
                await WalkAsync(db, c, target, pattern, rule, kind.Fine, organisation?.Name ?? kind.Person ?? "", at, now, ct);
                n++;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task WalkAsync(CertGuardDbContext db, EnforcementCase c, CaseStage target, DocumentNumberPattern pattern, PenaltyRule rule,
        long fine, string party, DateTimeOffset opened, DateTimeOffset now, CancellationToken ct)
    {
        var step = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerHour, (now - opened).Ticks / 30));
        var at = opened;
        DateTimeOffset Next() => at += step;
        async Task Document(CaseDocumentKind kind, string body)
        {
            var when = Next();
            var number = await DocumentNumbers.NextNumberAsync(db, pattern.Prefix, pattern, kind, ChinaTime.DateOf(when).Year, ct);
            c.AddDocument(kind, number, body, Officer, when);
        }

        if (target == CaseStage.Filing) return;
        c.ApproveFiling(Officer, Next());
        await Document(CaseDocumentKind.FilingApproval, "经审查，符合立案条件，同意立案。");
        c.Advance(Officer, Next());
        c.AddRecord(CaseEntryKind.Evidence, "现场照片、证书复印件、工作记录。", Officer, null, Next());
        if (target == CaseStage.Investigation) return;
        await Document(CaseDocumentKind.InquiryRecord, "问：你是否取得特种作业操作证？\n答：……");
        await Document(CaseDocumentKind.EvidenceList, "1. 现场检查记录\n2. 现场照片\n3. 证书复印件");
        var major = fine >= 10000;
        if (major) c.MarkMajor(true, Officer, Next());
        c.Advance(Officer, Next());
        if (target == CaseStage.LegalReview && major) return;
        if (major)
        {
            await Document(CaseDocumentKind.LegalReview, "事实清楚，证据确凿，适用依据正确，程序合法。");
            await Document(CaseDocumentKind.CollectiveDiscussion, "经集体讨论，同意拟处罚意见。");
            c.Advance(Officer, Next());
        }
        if (target <= CaseStage.Notice) return;
        await Document(CaseDocumentKind.PenaltyNotice, $"拟对你（单位）作出罚款{fine}元的行政处罚。");
        var hearing = major && target >= CaseStage.Hearing;
        if (hearing) c.RequestHearing(Officer, Next());
        c.Advance(Officer, Next());
        if (target == CaseStage.Hearing && hearing) return;
        if (hearing)
        {
            await Document(CaseDocumentKind.HearingNotice, "定于七日后举行听证。");
            await Document(CaseDocumentKind.HearingRecord, "当事人陈述申辩意见已记录。");
            c.Advance(Officer, Next());
        }
        if (target <= CaseStage.Decision) return;
        var amount = Math.Clamp(fine, PenaltyAdvisor.LegalRange(rule).Minimum, PenaltyAdvisor.LegalRange(rule).Maximum);
        c.Decide([(new PenaltyLine(rule.Party, party, rule.Code, amount, "警告"), rule.LegalBasis)], false, Officer, Next());
        await Document(CaseDocumentKind.PenaltyDecision, "经查，当事人的上述行为违反了有关规定，决定给予警告并处罚款。");
        c.Advance(Officer, Next());
        if (target == CaseStage.Service) return;
        c.Serve("直接送达", Officer, Next());
        await Document(CaseDocumentKind.ServiceReceipt, "受送达人已签收。");
        c.Advance(Officer, Next());
        if (target == CaseStage.Execution) return;
        c.RecordPayment(amount, 0, Officer, Next());
        c.Advance(Officer, Next());
        await Document(CaseDocumentKind.ClosingReport, "罚款已缴清，案件办理完毕，建议结案。");
        if (target == CaseStage.Closing) return;
        await Document(CaseDocumentKind.CaseFileIndex, string.Join('\n', c.Documents.Select((d, i) => $"{i + 1}. {d.Kind.Title()} {d.Number}")));
        c.Close(Officer, Next());
    }
}
