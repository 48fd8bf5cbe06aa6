using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Enforcement.Penalties;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Time;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Enforcement;

/// <summary>Cases of forged certificates and transfers the transfer tests build for themselves.</summary>
internal static class TransferArrangement
{
    public const string HolderForged = "HOLDER-FORGED-CERTIFICATE";

    /// <summary>A Guangzhou case of a forged certificate, opened through the API and not yet decided.</summary>
    public static async Task<JsonElement> ForgedCaseAsync(this CertGuardApp app, string person = "赵某")
    {
        var leadId = await app.LeadAsync($"现场检查发现伪造的特种作业操作证（{person}）");
        return await app.Inspector().PostAsJsonAsync("/api/v1/cases", new
        {
            leadIds = new[] { leadId }, title = "持伪造的特种作业操作证上岗作业", personName = person, violationCodes = new[] { HolderForged },
        }).OkAsync(HttpStatusCode.Created);
    }

    /// <summary>A Guangzhou case of a forged certificate walked to its decision (a fine only), written as the cases module writes it.</summary>
    public static async Task<Guid> DecidedForgedCaseAsync(this CertGuardApp app, string person)
    {
        await using var db = app.SystemDb();
        var authority = await db.Organisations.AsNoTracking().FirstAsync(o => o.Kind == Role.IssuingAuthority.Id && o.RegionCode == CaseArrangement.Guangzhou);
        var at = app.Clock().GetUtcNow().AddDays(-3);
        var lead = new InspectionLead(CaseArrangement.Guangzhou, LeadSources.Inspection, $"伪造证件（{person}）", "test", at);
        db.InspectionLeads.Add(lead);
        var c = new EnforcementCase(new CaseOpening(CaseArrangement.Guangzhou, authority.Id, authority.Name, "持伪造的特种作业操作证上岗作业（只罚款）",
            person, null, null, [], [HolderForged], [lead.Id], LifeOrSafety: true), "test", at);
        lead.OpenCase(c.Id, "test", at);
        var n = 0;
        void Document(CaseDocumentKind kind) => c.AddDocument(kind, $"测试{kind.Abbreviation()}〔{Guid.NewGuid():N}〕{++n}号"[..30], "正文", "test", at);
        c.ApproveFiling("test", at);
        Document(CaseDocumentKind.FilingApproval);
        c.Advance("test", at);
        Document(CaseDocumentKind.InquiryRecord);
        Document(CaseDocumentKind.EvidenceList);
        c.Advance("test", at);
        Document(CaseDocumentKind.PenaltyNotice);
        c.Advance("test", at);
        Assert.Equal(CaseStage.Decision, c.Stage);
        var rule = ReferenceDataSet.Shipped.InForce(ChinaTime.DateOf(at)).Penalty(HolderForged)!;
        c.Decide([(new PenaltyLine(rule.Party, person, rule.Code, PenaltyAdvisor.LegalRange(rule).Minimum, "罚款"), rule.LegalBasis)], false, "test", at);
        db.EnforcementCases.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>A complete report of two officers with every part of the package.</summary>
    public static object Report(string? appraisal = "发证机关鉴定意见：该证非本机关制发，系伪造。") => new
    {
        officers = new[] { "李执法", "王执法" },
        reason = "ForgedCertificate",
        facts = "当事人出示的特种作业操作证经国家平台核验不存在，系伪造。",
        investigationReport = "经调查，当事人承认以800元向网络卖家购买该证。",
        seizedItems = new[] { new { name = "伪造的特种作业操作证", count = 2 } },
        appraisalReport = appraisal,
        otherEvidence = "现场照片、询问笔录、平台查询截图。",
    };

    public static Task<JsonElement> ActAsync(this HttpClient client, JsonElement t, string step, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/transfers/{t.Id()}/{step}", body ?? new { version = t.Version() }).OkAsync();

    public static string State(this JsonElement t) => t.GetProperty("state").GetString()!;
}
