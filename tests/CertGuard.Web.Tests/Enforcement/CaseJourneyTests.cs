using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Enforcement;

/// <summary>
/// A case from the lead about a revoked certificate to closing: every stage with its documents, a fine inside the range
/// accepted and one outside refused, a missing document refused, a fraud decision reaching the issuing authority as a
/// revocation request, clocks showing days left.
/// </summary>
public abstract class CaseJourneyTests(CertGuardApp app)
{
    private static readonly string[] HolderForged = ["HOLDER-FORGED-CERTIFICATE"];

    [Fact]
    public async Task A_case_from_a_revoked_certificate_lead_walks_every_stage_to_closing()
    {
        var (revoked, leadId) = await app.RevokedCertificateLeadAsync();
        var fraud = await app.ActiveCertificateAsync();
        var inspector = app.Inspector();
        var lead = app.Lead();

        var c = await inspector.PostAsJsonAsync("/api/v1/cases", new
        {
            leadIds = new[] { leadId }, title = "持已撤销的特种作业操作证上岗作业", personName = "张三",
            violationCodes = HolderForged,
        }).OkAsync(HttpStatusCode.Created);
        Assert.Equal("Filing", c.Stage());
        Assert.Contains(revoked.Number, c.GetProperty("certificateNumbers").EnumerateArray().Select(n => n.GetString()));
        await using (var db = app.SystemDb())
        {
            var closed = await db.InspectionLeads.SingleAsync(l => l.Id == leadId);
            Assert.Equal(LeadDisposition.CaseOpened, closed.Disposition);
            Assert.Equal(c.Id(), closed.CaseId);
        }

        // Filing: the inspector cannot approve, nor move on before approval; the filing form is missing.
        await (await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/filing-approval", new { version = c.Version() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "CASE-APPROVAL-FORBIDDEN");
        await (await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/advance", new { version = c.Version() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "CASE-FILING-NOT-APPROVED");
        c = await lead.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/filing-approval", new { version = c.Version() }).OkAsync();
        var missing = await (await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/advance", new { version = c.Version() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "CASE-DOCUMENT-MISSING");
        Assert.Contains("立案审批表", missing.GetProperty("title").GetString());
        // A stale version is refused.
        await (await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/advance", new { version = c.Version() - 1 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "CASE-STALE");

        c = await lead.DocumentAsync(c, "filing-approval");
        var filingNumber = c.GetProperty("documents")[0].GetProperty("number").GetString()!;
        Assert.Matches(@"^穗应急立〔\d{4}〕\d+号$", filingNumber);
        // The decision clock runs from filing and shows its days left.
        var decisionClock = c.GetProperty("clocks").EnumerateArray().Single(k => k.GetProperty("code").GetString() == "CASE-DECISION");
        Assert.True(decisionClock.GetProperty("running").GetBoolean());
        Assert.InRange(decisionClock.GetProperty("daysLeft").GetInt32(), 89, 90);
        c = await inspector.AdvanceAsync(c);
        Assert.Equal("Investigation", c.Stage());

        // Investigation: a record and evidence, then the inquiry record and evidence list.
        c = await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/records", new { version = c.Version(), kind = "Evidence", text = "现场照片2张，证书扫描件" }).OkAsync();
        await (await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/advance", new { version = c.Version() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "CASE-DOCUMENT-MISSING");
        c = await inspector.DocumentAsync(c, "inquiry-record", "问：你的证书从何处取得？\n答：……");
        c = await inspector.DocumentAsync(c, "evidence-list");
        c = await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/major", new { version = c.Version(), major = true }).OkAsync();
        c = await inspector.AdvanceAsync(c);
        Assert.Equal("LegalReview", c.Stage());
        c = await inspector.DocumentAsync(c, "legal-review");
        c = await inspector.DocumentAsync(c, "collective-discussion");
        c = await inspector.AdvanceAsync(c);
        Assert.Equal("Notice", c.Stage());

        // Notice: the hearing-request clock starts with the notice; the party asks for a hearing.
        c = await inspector.DocumentAsync(c, "penalty-notice");
        Assert.Contains(c.GetProperty("clocks").EnumerateArray(), k => k.GetProperty("code").GetString() == "CASE-HEARING-REQUEST" && k.GetProperty("daysLeft").GetInt32() == 5);
        c = await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/hearing-request", new { version = c.Version() }).OkAsync();
        c = await inspector.AdvanceAsync(c);
        Assert.Equal("Hearing", c.Stage());
        c = await inspector.DocumentAsync(c, "hearing-notice");
        c = await inspector.DocumentAsync(c, "hearing-record");
        c = await inspector.AdvanceAsync(c);
        Assert.Equal("Decision", c.Stage());

        // A clock is extended only by the enforcement lead, with a reason.
        await (await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/clocks", new { version = c.Version(), clock = "CASE-DECISION", action = "extend", days = 30, reason = "案情复杂" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "CASE-APPROVAL-FORBIDDEN");
        await (await lead.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/clocks", new { version = c.Version(), clock = "CASE-DECISION", action = "extend", days = 30, reason = " " }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "CLOCK-CHANGE-UNAPPROVED");
        c = await lead.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/clocks", new { version = c.Version(), clock = "CASE-DECISION", action = "extend", days = 30, reason = "案情复杂，经负责人批准延长" }).OkAsync();
        Assert.InRange(c.GetProperty("clocks").EnumerateArray().Single(k => k.GetProperty("code").GetString() == "CASE-DECISION").GetProperty("daysLeft").GetInt32(), 119, 120);

        // The proposal and the range: 1,000–5,000 for a holder's forged certificate; 8,000 is refused, 3,000 accepted.
        var proposal = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{c.Id()}/penalty-proposal?rule=HOLDER-FORGED-CERTIFICATE&firstOffence=true");
        Assert.True(proposal.GetProperty("minimum").GetInt64() >= 1000 && proposal.GetProperty("maximum").GetInt64() <= 5000);
        var outside = await lead.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/decision", new
        {
            version = c.Version(), lines = new[] { new { party = "Holder", partyName = "张三", ruleCode = "HOLDER-FORGED-CERTIFICATE", fine = 8000, measures = "警告" } },
        });
        await outside.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "PENALTY-OUT-OF-RANGE");
        // A number holding two live certificates (two items) must say which one the revocation is for.
        string twoItems;
        await using (var db = app.SystemDb())
            twoItems = await db.Certificates.IgnoreQueryFilters()
                .Where(x => x.Status != CertificateStatus.Revoked && x.Status != CertificateStatus.Cancelled)
                .GroupBy(x => x.Number).Where(g => g.Count() > 1).OrderBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var ambiguous = await lead.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/decision", new
        {
            version = c.Version(),
            lines = new[] { new { party = "Holder", partyName = "张三", ruleCode = "HOLDER-FORGED-CERTIFICATE", fine = 3000, measures = "警告" } },
            revocations = new[] { new { certificateNumber = twoItems, ground = "ObtainedByFraud" } },
        });
        await ambiguous.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "CASE-CERTIFICATE-AMBIGUOUS");
        c = await lead.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/decision", new
        {
            version = c.Version(),
            lines = new[] { new { party = "Holder", partyName = "张三", ruleCode = "HOLDER-FORGED-CERTIFICATE", fine = 3000, measures = "警告" } },
            revocations = new[] { new { certificateNumber = fraud.Number, itemCode = fraud.ItemCode, ground = "ObtainedByFraud", note = "以虚假学历材料取得" } },
        }).OkAsync();
        Assert.Equal(3000, c.GetProperty("fineYuan").GetInt64());
        Assert.Equal("Pending", c.GetProperty("revocations")[0].GetProperty("status").GetString());
        c = await lead.DocumentAsync(c, "penalty-decision", "经查，当事人持已撤销的特种作业操作证上岗作业。");
        c = await inspector.AdvanceAsync(c);
        Assert.Equal("Service", c.Stage());
        c = await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/service", new { version = c.Version(), how = "直接送达" }).OkAsync();
        c = await inspector.DocumentAsync(c, "service-receipt");
        c = await inspector.AdvanceAsync(c);
        Assert.Equal("Execution", c.Stage());
        Assert.Contains(c.GetProperty("clocks").EnumerateArray(), k => k.GetProperty("code").GetString() == "CASE-PAYMENT" && k.GetProperty("running").GetBoolean());

        // Execution: unpaid, the case cannot move on; paid on time, no surcharge.
        var unpaid = await (await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/advance", new { version = c.Version() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "CASE-DOCUMENT-MISSING");
        Assert.Contains("强制执行申请书", unpaid.GetProperty("title").GetString());
        c = await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/payments", new { version = c.Version(), amount = 3000 }).OkAsync();
        Assert.Equal(0, c.GetProperty("surchargeYuan").GetInt64());
        c = await inspector.AdvanceAsync(c);
        Assert.Equal("Closing", c.Stage());
        c = await lead.DocumentAsync(c, "closing-report");
        await (await lead.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/closing", new { version = c.Version() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "CASE-DOCUMENT-MISSING");
        c = await inspector.DocumentAsync(c, "case-file-index", "");
        c = await lead.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/closing", new { version = c.Version() }).OkAsync();
        Assert.Equal("Closed", c.Stage());
        var numbers = c.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("number").GetString()).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Contains(numbers, n => n!.StartsWith("穗应急罚〔", StringComparison.Ordinal));

        // The decision document downloads as .docx.
        var decisionDoc = c.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "penalty-decision").Id();
        var docx = await lead.GetAsync($"/api/v1/cases/{c.Id()}/documents/{decisionDoc}/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);

        // The fraud decision reached the certificate's issuing authority as a revocation request; approving it revokes.
        var authority = app.ApiClient(Role.IssuingAuthority.Id);
        var requests = await authority.GetFromJsonAsync<JsonElement>("/api/v1/revocation-requests");
        var request = requests.EnumerateArray().Single(r => r.GetProperty("caseId").GetGuid() == c.Id());
        Assert.Equal(fraud.Number, request.GetProperty("certificateNumber").GetString());
        await authority.PostAsJsonAsync($"/api/v1/revocation-requests/{request.Id()}/approval", new { version = request.Version() }).OkAsync();
        await using (var db = app.SystemDb())
        {
            var after = await db.Certificates.IgnoreQueryFilters().SingleAsync(x => x.Id == fraud.Id);
            Assert.Equal(CertificateStatus.Revoked, after.Status);
            Assert.Equal(app.Today().AddYears(3), after.ReapplicationBarredUntil);
        }
        var shown = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{c.Id()}");
        Assert.Equal("Approved", shown.GetProperty("revocations")[0].GetProperty("status").GetString());

        // The pages: the desk lists it, the case shows its timeline and documents, the decision prints in the official layout.
        var browser = await app.SignedInClientAsync(Role.EnforcementLead.Id);
        Assert.Contains("持已撤销的特种作业操作证上岗作业", await browser.GetStringAsync("/cases?stage=Closed"));
        var page = await browser.GetStringAsync($"/cases/{c.Id()}");
        Assert.Contains("data-testid=\"case-timeline\"", page);
        Assert.Contains("行政处罚决定书", page);
        var decisionNumber = c.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "penalty-decision").GetProperty("number").GetString()!;
        var print = await browser.GetStringAsync($"/cases/{c.Id()}/documents/{decisionDoc}");
        Assert.Contains("data-testid=\"official-document\"", print);
        Assert.Contains(decisionNumber, print);
        Assert.Contains("行政复议", print);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ShenzhenInspectorAsync()).GetAsync($"/cases/{c.Id()}")).StatusCode);
    }

    [Fact]
    public async Task Another_citys_officers_do_not_find_the_case_and_a_joint_departments_read_is_audited()
    {
        var leadId = await app.LeadAsync("联合查案测试：网络售卖假证");
        var inspector = app.Inspector();
        var c = await inspector.PostAsJsonAsync("/api/v1/cases", new { leadIds = new[] { leadId }, title = "网络售卖假证", personName = "李四" })
            .OkAsync(HttpStatusCode.Created);

        var shenzhen = await app.ShenzhenInspectorAsync();
        await (await shenzhen.GetAsync($"/api/v1/cases/{c.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound, "CASE-NOT-FOUND");
        Assert.DoesNotContain(c.Id().ToString(), await shenzhen.GetStringAsync("/api/v1/cases"));

        // The police do not see it until invited; then they read it (audited) and add their record.
        var police = app.ApiClient(Role.Police.Id);
        await (await police.GetAsync($"/api/v1/cases/{c.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound, "CASE-NOT-FOUND");
        c = await inspector.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/invitations", new { version = c.Version(), department = "police" }).OkAsync();
        var read = await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{c.Id()}");
        c = await police.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/records", new { version = read.Version(), text = "公安：已调取售假网店的交易记录" }).OkAsync();
        Assert.Contains(c.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "JointRecord" && e.GetProperty("department").GetString() == "police");
        await (await police.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/advance", new { version = c.Version() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "CASE-WORK-FORBIDDEN");
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(EnforcementCase) && e.EntityId == c.Id().ToString() && e.Action == "read"));

        // The province office reads every city but does not act.
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/api/v1/cases/{c.Id()}")).StatusCode);
        await (await province.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/advance", new { version = c.Version() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "CASE-WORK-FORBIDDEN");
    }
}

public sealed class SqliteCaseJourneyTests(SqliteApp app) : CaseJourneyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCaseJourneyTests(PostgresApp app) : CaseJourneyTests(app), IClassFixture<PostgresApp>;
