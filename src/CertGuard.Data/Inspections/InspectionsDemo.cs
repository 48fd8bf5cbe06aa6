using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Holders;
using CertGuard.Core.Inspections;
using CertGuard.Core.Institutions;
using CertGuard.Core.Organisations;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Inspections;

/// <summary>
/// Inspections on a fresh start, in every state, across the demo cities: three per employer (planned; on site; done
/// with findings, their leads and an order to correct that is open, overdue, reported, closed or not corrected), the
/// exam centre inspected against its self-check, the training centre left not yet inspected. Workers are judged by
/// the roster check's judge against the demo registry, as on site.
/// </summary>
public static class InspectionsDemo
{
    private static readonly CorrectionStatus?[] OrderStates =
        [CorrectionStatus.Open, null, CorrectionStatus.Reported, CorrectionStatus.Closed, CorrectionStatus.NotCorrected];

    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, CertificateRules rules, IReadOnlyList<Organisation> organisations, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var employers = organisations.Where(o => o.Kind == Role.Employer.Id && o.Approval == OrganisationApproval.Approved).ToList();
        var cities = employers.Select(e => e.RegionCode).Distinct().ToList();
        var pool = (await db.Certificates.IgnoreQueryFilters().AsNoTracking()
                .Where(c => cities.Contains(c.RegionCode)).OrderBy(c => c.Number).Take(3000).ToListAsync(ct))
            .GroupBy(c => c.Number).Where(g => g.Count() == 1).Select(g => g.Single()).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        Certificate? Take(string city, Func<CertificateState, bool> state)
        {
            var found = pool.FirstOrDefault(c => c.RegionCode == city && !used.Contains(c.Number) && state(c.StateOn(today, rules)));
            if (found is not null) used.Add(found.Number);
            return found;
        }

        var n = 0;
        foreach (var employer in employers)
        {
            var officers = Officers(employer.RegionCode, n);
            // Planned for next week, chosen from the suggestions.
            db.Add(Inspection.Plan(InspectionTarget.Employer, employer.Id, employer.Name, employer.RegionCode, today.AddDays(7 + n % 5),
                "依法持证率偏低，列入集中整治检查方案", "demo", now));

            // On site now: two workers met so far.
            var onSite = Started(employer, officers, today, now.AddHours(-1), n);
            db.Add(onSite);
            AddWorker(db, onSite, Take(employer.RegionCode, s => s == CertificateState.Valid), null, rules, today, now);
            AddWorker(db, onSite, Take(employer.RegionCode, s => s is CertificateState.ReviewOverdue or CertificateState.Expired), null, rules, today, now);

            // Done three to six weeks ago, with findings and an order.
            var doneAt = now.AddDays(-21 - 3 * (n % 5));
            var done = Started(employer, officers, ChinaTime.DateOf(doneAt), doneAt, n);
            db.Add(done);
            AddWorker(db, done, Take(employer.RegionCode, s => s == CertificateState.Valid), null, rules, today, doneAt);
            var revoked = AddWorker(db, done, Take(employer.RegionCode, s => s is CertificateState.Revoked or CertificateState.Cancelled), null, rules, today, doneAt);
            var unknown = AddWorker(db, done, null, UnknownNumber(employer.RegionCode, n), rules, today, doneAt);
            foreach (var worker in new[] { revoked, unknown }.OfType<InspectionWorker>())
                AddFinding(db, done, worker, worker.SuggestedFinding ?? FindingType.Uncertified, doneAt);
            if (n % 3 == 0) AddFinding(db, done, null, FindingType.NoWorkerFiles, doneAt);
            done.Complete("现场检查发现问题，已责令限期整改。", doneAt.AddHours(2));
            AddOrder(db, done, OrderStates[n % OrderStates.Length], ChinaTime.DateOf(doneAt), now);
            n++;
        }

        // The exam centre: inspected against the questionnaire in force and its own self-check; the training centre waits.
        if (organisations.FirstOrDefault(o => o.Kind == Role.ExamCentre.Id) is { } exam)
        {
            var at = now.AddDays(-10);
            var inspection = Started(exam, Officers(exam.RegionCode, 0), ChinaTime.DateOf(at), at, 0, InspectionTarget.Institution);
            var questionnaire = await db.Set<QuestionnaireVersion>().AsNoTracking().OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct) ?? QuestionnaireVersion.First(now);
            var selfCheck = await db.Set<SelfCheckSubmission>().AsNoTracking().Where(s => s.OrganisationId == exam.Id).OrderByDescending(s => s.SubmittedAt).FirstOrDefaultAsync(ct);
            inspection.RecordConditions(questionnaire.Version, selfCheck?.Id, questionnaire.Questions.Select((q, i) =>
            {
                var own = selfCheck?.Answers.FirstOrDefault(a => a.Key == q.Key);
                var met = own?.Met ?? true;
                return new ConditionCheck(q.Key, q.Text, own?.Met, own?.Note, met, met ? null : "现场核实：设备尚未更换，与自查情况一致。");
            }).ToList());
            db.Add(inspection);
            AddFinding(db, inspection, null, FindingType.InstitutionConditions, at, "电工作业实操考位模拟设备老化，不具备考试基本条件。");
            inspection.Complete("基本条件一项不符合，责令限期整改。", at.AddHours(3));
            AddOrder(db, inspection, CorrectionStatus.Open, ChinaTime.DateOf(at), now);
        }
        await db.SaveChangesAsync(ct);
    }

    private static IReadOnlyList<InspectionOfficer> Officers(string city, int n) => city == "440100"
        ? [new("广州市应急管理局 执法人员", null, "gz.inspector"), new("广州市应急管理局 执法负责人", null, "gz.enforcement")]
        : [new($"执法人员{(char)('甲' + n % 5)}", $"{city}{n + 1:00000}", null), new($"执法人员{(char)('乙' + n % 5)}", $"{city}{n + 101:00000}", null)];

    private static Inspection Started(Organisation o, IReadOnlyList<InspectionOfficer> officers, DateOnly plannedOn, DateTimeOffset at, int n,
        InspectionTarget target = InspectionTarget.Employer)
    {
        var inspection = Inspection.Plan(target, o.Id, o.Name, o.RegionCode, plannedOn, n % 2 == 0 ? "有未办结线索" : "依法持证率偏低", "demo", at.AddDays(-3));
        inspection.Start(officers, $"{o.Name} 生产作业现场", at, "demo");
        return inspection;
    }

    private static InspectionWorker? AddWorker(CertGuardDbContext db, Inspection inspection, Certificate? certificate, string? unknown, CertificateRules rules, DateOnly today, DateTimeOffset at)
    {
        var number = certificate?.Number ?? unknown;
        if (number is null) return null;
        var name = certificate?.HolderName ?? "王某某";
        var judgement = RosterJudge.Judge(name, null, certificate is null ? [] : [certificate], today, rules);
        var qr = certificate is null ? null : new QrReading(judgement.Verdict == RosterVerdict.Valid ? "CG1-VALID" : "CG1-REVOKED", false);
        var worker = new InspectionWorker(inspection, Guid.NewGuid().ToString("N"), name, number, certificate is null ? "电工" : null, qr, judgement,
            certificate is null ? "称在外地培训，无法提供培训记录" : "在本市培训机构参加培训", certificate is null ? "称通过网络中介办理" : "考试取得", "demo", at);
        db.Add(worker);
        return worker;
    }

    private static void AddFinding(CertGuardDbContext db, Inspection inspection, InspectionWorker? worker, FindingType type, DateTimeOffset at, string? description = null)
    {
        var finding = new InspectionFinding(inspection, worker, type, description, Guid.NewGuid().ToString("N"), "demo", at);
        db.Add(finding);
        if (!type.RaisesLead()) return;
        var lead = new InspectionLead(inspection.RegionCode, LeadSources.Inspection, $"执法检查发现“{type.ChineseName()}”：{finding.Description}（{inspection.OrganisationName}）", "demo", at)
        {
            SourceId = finding.Id, CertificateNumber = finding.CertificateNumber, CertificateId = worker?.CertificateId, OrganisationId = inspection.OrganisationId,
        };
        db.InspectionLeads.Add(lead);
        finding.LeadRaised(lead.Id);
    }

    /// <summary>An order issued on the day of the inspection; null state: still open and now past its deadline.</summary>
    private static void AddOrder(CertGuardDbContext db, Inspection inspection, CorrectionStatus? state, DateOnly issuedOn, DateTimeOffset now)
    {
        var deadline = state is null ? issuedOn.AddDays(7) : issuedOn.AddDays(45);
        var order = new CorrectionOrder(inspection, "立即停止无证人员的特种作业，核实证件来源，建立特种作业人员档案，并报告整改情况。", deadline, issuedOn, "demo",
            ChinaTime.StartOfDay(issuedOn).AddHours(16));
        var reportedAt = ChinaTime.StartOfDay(issuedOn).AddDays(5);
        if (state is CorrectionStatus.Reported or CorrectionStatus.Closed or CorrectionStatus.NotCorrected)
            order.Report("涉事人员已停止作业，已建立人员档案，证件来源已向执法部门说明。", null, "demo-employer", reportedAt);
        if (state is CorrectionStatus.Closed) order.Reinspect(true, "复查：已整改到位。", null, "demo", reportedAt.AddDays(3));
        if (state is CorrectionStatus.NotCorrected)
        {
            order.Reinspect(false, "复查：无证人员仍在作业。", null, "demo", reportedAt.AddDays(3));
            var lead = new InspectionLead(order.RegionCode, LeadSources.Inspection, $"复查发现责令限期整改事项未改正：{order.ReinspectionNote}（{order.OrganisationName}）", "demo", reportedAt.AddDays(3))
            {
                SourceId = order.Id, OrganisationId = order.OrganisationId,
            };
            db.InspectionLeads.Add(lead);
            order.LeadRaised(lead.Id);
        }
        db.Add(order);
        _ = now;
    }

    private static string UnknownNumber(string city, int n)
    {
        var first17 = $"{city}19880808{n % 900 + 100:000}";
        return first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
    }
}
