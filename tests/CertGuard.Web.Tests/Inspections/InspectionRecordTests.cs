using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Inspections;
using CertGuard.Testing;
using CertGuard.Web.Tests.Verification;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Inspections;

/// <summary>
/// The on-site inspection of issue 11's "done when": two officers at the demo employer, three workers (valid; revoked,
/// identified from the card's signed QR; not in the registry) give three verdicts, two findings and their leads; one
/// officer is refused; evidence is hashed at upload; a replayed submission stores nothing twice; the employer sees its
/// order and reports; the re-inspection closes it.
/// </summary>
public abstract class InspectionRecordTests(CertGuardApp app)
{
    [Fact]
    public async Task An_inspection_at_the_demo_employer_gives_three_verdicts_two_findings_their_leads_and_an_order_the_employer_corrects()
    {
        var employer = await app.DemoEmployerAsync();
        var inspector = app.ApiClient(Role.Inspector.Id);
        var officers = new object[] { new { account = app.Account(Role.Inspector.Id).UserName }, new { name = "王执法", badge = "44010012345" } };
        var id = await app.OnSiteAsync(employer, officers);

        var valid = await app.FreshValidAsync();
        var (revoked, qr) = await app.RevokedWithQrAsync();
        var unknown = InspectionArrangement.UnknownNumber();

        var first = await PostWorkerAsync(inspector, id, new { clientKey = "w-valid-" + InspectionArrangement.Key()[..12], number = valid.Number, name = valid.HolderName, trainingRecord = "2024年在广州市安全生产培训中心培训", origin = "考试取得" });
        Assert.Equal("valid", first.GetProperty("verdict").GetString());
        var scanned = await PostWorkerAsync(inspector, id, new { clientKey = InspectionArrangement.Key(), qr, origin = "称系单位代办" });
        Assert.Equal("revoked", scanned.GetProperty("verdict").GetString());
        Assert.True(scanned.GetProperty("fromQr").GetBoolean());
        Assert.Equal(revoked.HolderName, scanned.GetProperty("name").GetString());
        Assert.Equal("uncertified", scanned.GetProperty("suggestedFinding").GetString());
        var missing = await PostWorkerAsync(inspector, id, new { clientKey = InspectionArrangement.Key(), number = unknown, name = "张假证" });
        Assert.Equal("not-found", missing.GetProperty("verdict").GetString());
        Assert.Equal("fake-certificate", missing.GetProperty("suggestedFinding").GetString());

        var findingKey = InspectionArrangement.Key();
        var revokedFinding = await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/findings",
            new { clientKey = findingKey, type = "uncertified", workerId = scanned.GetProperty("id").GetGuid(), description = "证书已被撤销仍从事电工作业" });
        Assert.Equal(HttpStatusCode.Created, revokedFinding.StatusCode);
        var uncertified = await revokedFinding.Content.ReadFromJsonAsync<JsonElement>();
        var fake = await (await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/findings",
            new { clientKey = InspectionArrangement.Key(), type = "fake-certificate", workerId = missing.GetProperty("id").GetGuid() })).Content.ReadFromJsonAsync<JsonElement>();

        // Each finding raised its lead in the city's inbox, naming the finding, the certificate and the employer.
        await using (var db = app.SystemDb())
        {
            foreach (var (finding, number) in new[] { (uncertified, revoked.Number), (fake, unknown) })
            {
                var findingId = finding.GetProperty("id").GetGuid();
                var lead = await db.InspectionLeads.AsNoTracking().SingleAsync(l => l.SourceId == findingId);
                Assert.Equal(LeadSources.Inspection, lead.Source);
                Assert.Equal("440100", lead.RegionCode);
                Assert.Equal(number, lead.CertificateNumber);
                Assert.Equal(employer, lead.OrganisationId);
                Assert.Equal(lead.Id, finding.GetProperty("leadId").GetGuid());
            }
        }

        // Evidence: stored with the SHA-256 of the bytes uploaded, downloaded identical.
        var photo = InspectionArrangement.Png();
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(photo);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(part, "file", "现场照片.png");
        var uploaded = await inspector.PostAsync($"/api/v1/inspections/findings/{uncertified.GetProperty("id").GetGuid()}/evidence", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var evidence = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), evidence.GetProperty("sha256").GetString());
        var download = await inspector.GetAsync(evidence.GetProperty("download").GetString());
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());

        // Replays: the same worker and finding keys return the originals; nothing is stored twice.
        var replay = await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/workers", new { clientKey = first.GetProperty("clientKey").GetString(), number = valid.Number, name = valid.HolderName });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(first.GetProperty("id").GetGuid(), (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var findingReplay = await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/findings", new { clientKey = findingKey, type = "uncertified", workerId = scanned.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, findingReplay.StatusCode);

        var record = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/{id}");
        Assert.Equal(3, record.GetProperty("workers").GetArrayLength());
        Assert.Equal(2, record.GetProperty("findings").GetArrayLength());
        Assert.Equal(["valid", "revoked", "not-found"], record.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("verdict").GetString()!).ToArray());
        await using (var db = app.SystemDb())
            Assert.Equal(2, await db.InspectionLeads.CountAsync(l => l.Source == LeadSources.Inspection && record.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetGuid()).Contains(l.SourceId!.Value)));

        // The order to correct reaches the employer's account; the employer reports; the re-inspection closes it.
        var deadline = app.Today().AddDays(15);
        var issued = await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/orders", new { requirements = "立即停止无证人员作业，补建特种作业人员档案", deadline });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var order = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("id").GetGuid();

        var employerClient = app.ApiClient(Role.Employer.Id);
        var own = await employerClient.GetFromJsonAsync<JsonElement>("/api/v1/inspections/orders");
        var mine = own.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == orderId);
        Assert.Equal("open", mine.GetProperty("status").GetString());
        await (await employerClient.GetAsync($"/api/v1/inspections/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var reported = await employerClient.PostAsJsonAsync($"/api/v1/inspections/orders/{orderId}/report",
            new { text = "两名人员已停止作业，已建立档案", version = mine.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        var afterReport = await reported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("reported", afterReport.GetProperty("status").GetString());

        var stale = await inspector.PostAsJsonAsync($"/api/v1/inspections/orders/{orderId}/reinspection", new { corrected = true, version = 0 });
        await stale.AssertProblemAsync(HttpStatusCode.Conflict, "INSPECTION-STALE");
        var closed = await inspector.PostAsJsonAsync($"/api/v1/inspections/orders/{orderId}/reinspection",
            new { corrected = true, note = "复查已整改", version = afterReport.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_record_with_one_officer_or_the_same_officer_twice_is_refused()
    {
        var employer = await app.DemoEmployerAsync();
        var inspector = app.ApiClient(Role.Inspector.Id);
        var me = new { account = app.Account(Role.Inspector.Id).UserName };

        var alone = await inspector.PostAsJsonAsync("/api/v1/inspections", new { organisationId = employer, officers = new[] { me }, place = "现场", clientKey = InspectionArrangement.Key() });
        var problem = await alone.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "INSPECTION-TWO-OFFICERS");
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));

        var twice = await inspector.PostAsJsonAsync("/api/v1/inspections", new { organisationId = employer, officers = new[] { me, me }, place = "现场", clientKey = InspectionArrangement.Key() });
        await twice.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "INSPECTION-OFFICER-TWICE");

        var noBadge = await inspector.PostAsJsonAsync("/api/v1/inspections",
            new { organisationId = employer, officers = new object[] { me, new { name = "李某" } }, place = "现场", clientKey = InspectionArrangement.Key() });
        await noBadge.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "INSPECTION-OFFICER-BADGE");

        var office = app.ApiClient(Role.CityOffice.Id);
        await (await office.PostAsJsonAsync("/api/v1/inspections", new { organisationId = employer, officers = app.TwoOfficers(), place = "现场" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_replayed_record_returns_the_first_and_evidence_of_the_wrong_type_or_size_is_refused()
    {
        var employer = await app.DemoEmployerAsync();
        var inspector = app.ApiClient(Role.Inspector.Id);
        var key = InspectionArrangement.Key();
        var body = new { organisationId = employer, officers = app.TwoOfficers(), place = "现场", clientKey = key };
        var created = await inspector.PostAsJsonAsync("/api/v1/inspections", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await inspector.PostAsJsonAsync("/api/v1/inspections", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        await using (var db = app.SystemDb())
            Assert.Equal(1, await db.Set<Inspection>().CountAsync(i => i.ClientKey == key));

        var finding = await (await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/findings", new { type = "no-worker-files", description = "未建立特种作业人员档案" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Null(finding.GetProperty("leadId").GetString());
        var url = $"/api/v1/inspections/findings/{finding.GetProperty("id").GetGuid()}/evidence";

        using var text = new MultipartFormDataContent { { new ByteArrayContent("not a picture"u8.ToArray()), "file", "photo.jpg" } };
        await (await inspector.PostAsync(url, text)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "INSPECTION-EVIDENCE-TYPE");

        using var large = new MultipartFormDataContent { { new ByteArrayContent(InspectionArrangement.Png((int)EvidenceFiles.MaxBytes)), "file", "big.png" } };
        await (await inspector.PostAsync(url, large)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "INSPECTION-EVIDENCE-TOO-LARGE");
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_an_order_not_corrected_at_reinspection_raises_a_lead()
    {
        var employer = await app.DemoEmployerAsync();
        var inspector = app.ApiClient(Role.Inspector.Id);
        var id = await app.OnSiteAsync(employer);

        await (await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/completion", new { conclusion = "检查结束", version = 0 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "INSPECTION-STALE");
        var order = await (await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/orders", new { requirements = "补建档案", deadline = app.Today().AddDays(7) }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("id").GetGuid();

        var notCorrected = await inspector.PostAsJsonAsync($"/api/v1/inspections/orders/{orderId}/reinspection", new { corrected = false, note = "期限届满仍未建立档案" });
        Assert.Equal(HttpStatusCode.OK, notCorrected.StatusCode);
        var view = await notCorrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not-corrected", view.GetProperty("status").GetString());
        await using var db = app.SystemDb();
        var lead = await db.InspectionLeads.AsNoTracking().SingleAsync(l => l.SourceId == orderId);
        Assert.Equal(view.GetProperty("leadId").GetGuid(), lead.Id);

        var again = await app.ApiClient(Role.Employer.Id).PostAsJsonAsync($"/api/v1/inspections/orders/{orderId}/report", new { text = "已整改" });
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "INSPECTION-ORDER-STATE");
    }

    [Fact]
    public async Task Other_cities_read_nothing_and_the_province_reads_without_writing()
    {
        var employer = await app.DemoEmployerAsync();
        var id = await app.OnSiteAsync(employer);

        var shenzhen = await app.ShenzhenCityOfficeAsync();
        await (await shenzhen.GetAsync($"/api/v1/inspections/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "INSPECTION-NOT-FOUND");

        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var seen = await province.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/{id}");
        Assert.Equal(id, seen.GetProperty("id").GetGuid());
        await (await province.PostAsJsonAsync($"/api/v1/inspections/{id}/completion", new { conclusion = "x" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    private static async Task<JsonElement> PostWorkerAsync(HttpClient client, Guid id, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/inspections/{id}/workers", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class SqliteInspectionRecordTests(SqliteApp app) : InspectionRecordTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInspectionRecordTests(PostgresApp app) : InspectionRecordTests(app), IClassFixture<PostgresApp>;
