using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Campaigns;
using CertGuard.Data.Enforcement.Transfers;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Enforcement;

/// <summary>
/// Transfers to the police (两法衔接): a forged-certificate case reported by two officers, approved by the head, refused
/// while its package is incomplete, sent with its numbered letter; the police accept, file and count; the province reads
/// and the statistics count it with the records behind each figure; a refusal contested; a decided fine-only case
/// flagged as 以罚代刑 until the head approves a reason not to transfer; police assistance audited.
/// </summary>
public abstract class TransferTests(CertGuardApp app)
{
    private static readonly string[] OneOfficer = ["李执法"];

    [Fact]
    public async Task A_forged_certificate_case_is_transferred_with_its_package_filed_by_the_police_and_counted()
    {
        var c = await app.ForgedCaseAsync("钱某");
        var inspector = app.Inspector();
        var lead = app.Lead();
        var police = app.ApiClient(Role.Police.Id);

        // One officer is not enough.
        await (await inspector.PostAsJsonAsync("/api/v1/transfers", new
        {
            caseId = c.Id(), report = new { officers = OneOfficer, reason = "ForgedCertificate", facts = "伪造", seizedItems = Array.Empty<object>() },
        })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "TRANSFER-OFFICERS-REQUIRED");

        // Reported without the appraisal report: the head may approve, but it cannot be sent.
        var t = await inspector.PostAsJsonAsync("/api/v1/transfers", new { caseId = c.Id(), report = TransferArrangement.Report(appraisal: null) })
            .OkAsync(HttpStatusCode.Created);
        Assert.Equal("Reported", t.State());
        Assert.Contains("检验鉴定报告", t.GetProperty("missingPackage").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(t.GetProperty("clocks").EnumerateArray(), k => k.GetProperty("code").GetString() == "TRANSFER-APPROVAL" && k.GetProperty("running").GetBoolean());
        await (await inspector.PostAsJsonAsync("/api/v1/transfers", new { caseId = c.Id(), report = TransferArrangement.Report() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "TRANSFER-EXISTS");
        await (await inspector.PostAsJsonAsync($"/api/v1/transfers/{t.Id()}/approval", new { version = t.Version() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "TRANSFER-APPROVAL-FORBIDDEN");
        t = await lead.ActAsync(t, "approval");
        Assert.Equal("Approved", t.State());
        var send = t.GetProperty("clocks").EnumerateArray().Single(k => k.GetProperty("code").GetString() == "TRANSFER-SEND");
        Assert.True(send.GetProperty("running").GetBoolean());
        var incomplete = await (await inspector.PostAsJsonAsync($"/api/v1/transfers/{t.Id()}/sending", new { version = t.Version() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "TRANSFER-PACKAGE-INCOMPLETE");
        Assert.Contains("检验鉴定报告", incomplete.GetProperty("title").GetString());

        // Completed and sent: the letter is numbered by the bureau's counter and addressed to the city's police.
        t = await inspector.PutAsJsonAsync($"/api/v1/transfers/{t.Id()}/report", new { version = t.Version(), report = TransferArrangement.Report() }).OkAsync();
        t = await inspector.ActAsync(t, "sending");
        Assert.Equal("Transferred", t.State());
        Assert.Matches(@"^穗应急移〔\d{4}〕\d+号$", t.GetProperty("letterNumber").GetString()!);
        Assert.Equal("广州市公安局", t.GetProperty("policeBureau").GetString());
        var letter = await inspector.GetStringAsync($"/transfers/{t.Id()}/documents/transfer-letter");
        Assert.Contains("涉嫌犯罪案件移送书", letter, StringComparison.Ordinal);
        Assert.Contains("广州市公安局", letter, StringComparison.Ordinal);
        var seized = await inspector.GetStringAsync($"/transfers/{t.Id()}/documents/seized-items");
        Assert.Contains("伪造的特种作业操作证", seized, StringComparison.Ordinal);
        var docx = await inspector.GetAsync($"/api/v1/transfers/{t.Id()}/documents/transfer-letter/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.True((await docx.Content.ReadAsByteArrayAsync()).Length > 1000);

        // The police desk: only the police decide; accept, file within the clock, notify, count.
        await (await inspector.PostAsJsonAsync($"/api/v1/transfers/{t.Id()}/acceptance", new { version = t.Version() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "TRANSFER-POLICE-FORBIDDEN");
        Assert.Contains((await police.GetFromJsonAsync<JsonElement>("/api/v1/transfers")).EnumerateArray(), x => x.Id() == t.Id());
        t = await police.ActAsync(t, "acceptance");
        await (await police.PostAsJsonAsync($"/api/v1/transfers/{t.Id()}/police-decision", new { version = t.Version(), file = true, reason = " " }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "TRANSFER-REASON-REQUIRED");
        t = await police.ActAsync(t, "police-decision", new { version = t.Version(), file = true, reason = "有犯罪事实，立案侦查", policeCaseNumber = "穗公立字〔2026〕8号" });
        Assert.Equal("Filed", t.State());
        var decision = t.GetProperty("clocks").EnumerateArray().Single(k => k.GetProperty("code").GetString() == "TRANSFER-POLICE-DECISION");
        Assert.False(decision.GetProperty("running").GetBoolean());
        Assert.NotEqual("Overdue", decision.GetProperty("state").GetString());
        t = await police.ActAsync(t, "notice");
        t = await police.ActAsync(t, "counts", new { version = t.Version(), suspectsCaught = 2, densDestroyed = 1, websiteGangsBroken = 0, forgedCertificatesSeized = 5, channel = "Website" });
        Assert.Equal((2, 1, 5), (t.GetProperty("suspectsCaught").GetInt32(), t.GetProperty("densDestroyed").GetInt32(), t.GetProperty("forgedCertificatesSeized").GetInt32()));
        await (await police.PostAsJsonAsync($"/api/v1/transfers/{t.Id()}/counts", new { version = t.Version(), suspectsCaught = 1, channel = "Fax" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "TRANSFER-CHANNEL-UNKNOWN");

        // The province reads it, read-only; market regulation does not see transfers at all.
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/api/v1/transfers/{t.Id()}")).StatusCode);
        await (await province.PostAsJsonAsync($"/api/v1/transfers/{t.Id()}/notice", new { version = t.Version() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "TRANSFER-POLICE-FORBIDDEN");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(Role.MarketRegulation.Id).GetAsync("/api/v1/transfers")).StatusCode);

        // Statistics: each figure of rows 34–40 equals its listed records; this transfer is among them.
        var now = app.Clock().GetUtcNow();
        var window = new IndicatorWindow(now.AddDays(-30), now.AddDays(1));
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(SystemActor.Job("test.transfers"));
        var source = scope.ServiceProvider.GetServices<IIndicatorSource>().OfType<TransferIndicators>().Single();
        var counts = await source.CountAsync(window, CancellationToken.None);
        var sheet = await scope.ServiceProvider.GetRequiredService<StatisticsCalculator>().ComputeAsync(window, CancellationToken.None);
        foreach (var code in source.Codes)
        {
            var figure = counts[CaseArrangement.Guangzhou].GetValueOrDefault(code);
            // The calculator reads the source per city: the figure the sheet shows is the source's.
            Assert.Equal(figure, sheet[CaseArrangement.Guangzhou][code]);
            var records = await source.ListAsync(code, CaseArrangement.Guangzhou, window, CancellationToken.None);
            Assert.Equal(figure, records.Sum(r => r.Amount));
        }
        foreach (var (code, amount) in new[] { ("35", 1m), ("36", 1m), ("37", 2m), ("38", 1m), ("40", 5m) })
            Assert.Contains(await source.ListAsync(code, CaseArrangement.Guangzhou, window, CancellationToken.None), r => r.Id == t.Id() && r.Amount == amount);
        Assert.DoesNotContain(await source.ListAsync("39", CaseArrangement.Guangzhou, window, CancellationToken.None), r => r.Id == t.Id());
    }

    [Fact]
    public async Task A_refusal_to_file_is_contested_once_then_taken_to_the_procuratorate()
    {
        var c = await app.ForgedCaseAsync("孙某");
        var inspector = app.Inspector();
        var police = app.ApiClient(Role.Police.Id);
        var t = await inspector.PostAsJsonAsync("/api/v1/transfers", new { caseId = c.Id(), report = TransferArrangement.Report() }).OkAsync(HttpStatusCode.Created);
        t = await app.Lead().ActAsync(t, "approval");
        t = await inspector.ActAsync(t, "sending");
        t = await police.ActAsync(t, "acceptance");
        t = await police.ActAsync(t, "police-decision", new { version = t.Version(), file = false, reason = "证据不足" });
        Assert.Equal("NotFiled", t.State());
        t = await police.ActAsync(t, "notice");
        Assert.Contains(t.GetProperty("clocks").EnumerateArray(), k => k.GetProperty("code").GetString() == "TRANSFER-RECONSIDERATION-REQUEST" && k.GetProperty("running").GetBoolean());
        await (await police.PostAsJsonAsync($"/api/v1/transfers/{t.Id()}/counts", new { version = t.Version(), suspectsCaught = 1 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "TRANSFER-WRONG-STATE");
        t = await inspector.ActAsync(t, "reconsideration", new { version = t.Version(), reason = "伪造国家机关证件罪不以数额为要件" });
        Assert.Equal("ReconsiderationAsked", t.State());
        t = await police.ActAsync(t, "reconsideration-answer", new { version = t.Version(), file = false, reason = "维持不予立案" });
        Assert.Equal("NotFiled", t.State());
        await (await inspector.PostAsJsonAsync($"/api/v1/transfers/{t.Id()}/reconsideration", new { version = t.Version(), reason = "再次复议" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "TRANSFER-RECONSIDERED");
        await (await inspector.PostAsJsonAsync($"/api/v1/transfers/{t.Id()}/procuratorate", new { version = t.Version() - 1, reason = "建议立案监督" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "TRANSFER-STALE");
        t = await inspector.ActAsync(t, "procuratorate", new { version = t.Version(), reason = "建议检察院立案监督" });
        Assert.Equal("ProcuratorateAsked", t.State());
    }

    [Fact]
    public async Task A_fine_only_forged_certificate_case_is_flagged_to_the_offices_until_the_head_approves_not_transferring()
    {
        var id = await app.DecidedForgedCaseAsync("吴某");
        var office = app.ApiClient(Role.CityOffice.Id);
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        static async Task<bool> Flagged(HttpClient client, Guid id) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/v1/transfers/flagged")).EnumerateArray().Any(f => f.Id() == id);
        Assert.True(await Flagged(office, id));
        Assert.True(await Flagged(province, id));
        var page = await (await app.SignedInClientAsync(Role.ProvinceOffice.Id)).GetStringAsync("/transfers?view=flagged");
        Assert.Contains(id.ToString(), page, StringComparison.Ordinal);

        // A report alone does not resolve it; the head's refusal with its reason does.
        var t = await app.Inspector().PostAsJsonAsync("/api/v1/transfers", new { caseId = id, report = TransferArrangement.Report() }).OkAsync(HttpStatusCode.Created);
        Assert.True(await Flagged(province, id));
        await (await app.Lead().PostAsJsonAsync($"/api/v1/transfers/{t.Id()}/refusal", new { version = t.Version(), reason = "" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "TRANSFER-REASON-REQUIRED");
        t = await app.Lead().ActAsync(t, "refusal", new { version = t.Version(), reason = "系转借真证，不属伪造，不移送" });
        Assert.Equal("Refused", t.State());
        Assert.False(await Flagged(province, id));
        Assert.False(await Flagged(office, id));
    }

    [Fact]
    public async Task Police_assistance_reads_a_holders_certificates_with_a_reason_and_is_audited()
    {
        var certificate = await app.ActiveCertificateAsync();
        var police = app.ApiClient(Role.Police.Id);
        await (await police.PostAsJsonAsync("/api/v1/transfers/assistance", new { number = certificate.Number, reason = " " }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "ASSISTANCE-REASON-REQUIRED");
        await (await app.Inspector().PostAsJsonAsync("/api/v1/transfers/assistance", new { number = certificate.Number, reason = "查询" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "TRANSFER-POLICE-FORBIDDEN");
        var answer = await police.PostAsJsonAsync("/api/v1/transfers/assistance", new { number = certificate.Number, reason = "侦办伪造证件案协查" }).OkAsync();
        Assert.Contains(answer.GetProperty("certificates").EnumerateArray(), x => x.GetProperty("id").GetGuid() == certificate.Id);
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "read" && e.EntityType == "Certificate" && e.After != null
            && e.After.Contains(TransferDesk.AssistanceAction) && e.After.Contains("侦办伪造证件案协查")));
    }
}

public sealed class SqliteTransferTests(SqliteApp app) : TransferTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTransferTests(PostgresApp app) : TransferTests(app), IClassFixture<PostgresApp>;
