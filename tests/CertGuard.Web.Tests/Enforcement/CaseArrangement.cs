using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Enforcement;
using CertGuard.Testing;
using CertGuard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Enforcement;

/// <summary>Leads and certificates of the cases tests' own, and the small steps a case's API takes.</summary>
internal static class CaseArrangement
{
    public const string Guangzhou = "440100";

    private static int _taken;

    /// <summary>An active Guangzhou certificate no other case test took (each test class has its own database).</summary>
    public static async Task<Certificate> ActiveCertificateAsync(this CertGuardApp app)
    {
        await using var db = app.SystemDb();
        var skip = Interlocked.Increment(ref _taken) * 3;
        return await db.Certificates.AsNoTracking().Where(c => c.RegionCode == Guangzhou && c.Status == CertificateStatus.Active)
            .OrderByDescending(c => c.Id).Skip(skip).FirstAsync();
    }

    /// <summary>A Guangzhou certificate revoked for this test, and an open lead about it (as an inspection finding raises).</summary>
    public static async Task<(Certificate Certificate, Guid LeadId)> RevokedCertificateLeadAsync(this CertGuardApp app)
    {
        var picked = await app.ActiveCertificateAsync();
        await using var db = app.SystemDb();
        var certificate = await db.Certificates.Include(c => c.History).SingleAsync(c => c.Id == picked.Id);
        certificate.Revoke(RevocationReason.PhysicallyUnfit, app.Today(), "test", app.Rules(), app.Clock());
        var lead = new InspectionLead(Guangzhou, LeadSources.Inspection, $"现场检查：持已撤销证书上岗（{certificate.Number}）", "test", app.Clock().GetUtcNow())
        {
            CertificateNumber = certificate.Number, CertificateId = certificate.Id,
        };
        db.InspectionLeads.Add(lead);
        await db.SaveChangesAsync();
        return (certificate, lead.Id);
    }

    public static async Task<Guid> LeadAsync(this CertGuardApp app, string summary)
    {
        await using var db = app.SystemDb();
        var lead = new InspectionLead(Guangzhou, LeadSources.Inspection, summary, "test", app.Clock().GetUtcNow());
        db.InspectionLeads.Add(lead);
        await db.SaveChangesAsync();
        return lead.Id;
    }

    public static async Task<JsonElement> OkAsync(this Task<HttpResponseMessage> pending, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await pending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static int Version(this JsonElement c) => c.GetProperty("version").GetInt32();

    public static Guid Id(this JsonElement c) => c.GetProperty("id").GetGuid();

    public static string Stage(this JsonElement c) => c.GetProperty("stage").GetString()!;

    /// <summary>Adds a document of a kind (slug) and returns the case as it is then.</summary>
    public static async Task<JsonElement> DocumentAsync(this HttpClient client, JsonElement c, string kind, string body = "")
    {
        var id = c.Id();
        await client.PostAsJsonAsync($"/api/v1/cases/{id}/documents", new { version = c.Version(), kind, body = body.Length > 0 ? body : $"{kind} 正文" })
            .OkAsync(HttpStatusCode.Created);
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
    }

    public static Task<JsonElement> AdvanceAsync(this HttpClient client, JsonElement c) =>
        client.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/advance", new { version = c.Version() }).OkAsync();

    public static HttpClient Inspector(this CertGuardApp app) => app.ApiClient(Role.Inspector.Id);

    public static HttpClient Lead(this CertGuardApp app) => app.ApiClient(Role.EnforcementLead.Id);
}

internal static class ShenzhenAccounts
{
    /// <summary>The demo hands out Guangzhou accounts; a Shenzhen inspector is made here.</summary>
    public static async Task<HttpClient> ShenzhenInspectorAsync(this CertGuardApp app)
    {
        const string userName = "sz.inspector.cases";
        const string password = "Shenzhen-Inspector-2026!";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var authority = await Verification.LogArrangement.OrganisationAsync(app, Role.IssuingAuthority.Id, city: Verification.LogArrangement.Shenzhen);
                var account = new Account { UserName = userName, DisplayName = "深圳市应急管理局 执法人员", RoleId = Role.Inspector.Id, RegionCode = Verification.LogArrangement.Shenzhen, OrganisationId = authority };
                Assert.True((await users.CreateAsync(account, password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(account, Role.Inspector.Id)).Succeeded);
            }
        }
        return await app.SignedInClientAsync(userName, password);
    }
}
