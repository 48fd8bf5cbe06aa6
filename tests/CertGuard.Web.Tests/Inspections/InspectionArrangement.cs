using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Time;
using CertGuard.Data.Credentials;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Inspections;

/// <summary>Arranges inspections as an officer's phone would: the demo employer, the city's two enforcement accounts, fresh certificates.</summary>
internal static class InspectionArrangement
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Taken = new(StringComparer.Ordinal);

    /// <summary>The demo employer (gz.employer's organisation).</summary>
    public static async Task<Guid> DemoEmployerAsync(this CertGuardApp app)
    {
        await using var db = app.SystemDb();
        var userName = app.Account(Role.Employer.Id).UserName;
        return (await db.Users.AsNoTracking().SingleAsync(a => a.UserName == userName)).OrganisationId!.Value;
    }

    public static async Task<Guid> DemoInstitutionAsync(this CertGuardApp app)
    {
        await using var db = app.SystemDb();
        var userName = app.Account(Role.TrainingInstitution.Id).UserName;
        return (await db.Users.AsNoTracking().SingleAsync(a => a.UserName == userName)).OrganisationId!.Value;
    }

    /// <summary>The two officers: the inspector's own account and the enforcement lead's.</summary>
    public static object[] TwoOfficers(this CertGuardApp app) =>
        [new { account = app.Account(Role.Inspector.Id).UserName }, new { account = app.Account(Role.EnforcementLead.Id).UserName }];

    /// <summary>Starts an on-site record at an organisation; returns its id.</summary>
    public static async Task<Guid> OnSiteAsync(this CertGuardApp app, Guid organisation, object[]? officers = null)
    {
        var inspector = app.ApiClient(Role.Inspector.Id);
        var response = await inspector.PostAsJsonAsync("/api/v1/inspections",
            new { organisationId = organisation, officers = officers ?? app.TwoOfficers(), place = "广州市天河区施工现场", clientKey = Key() });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A valid Guangzhou certificate no other test took (one per holder number).</summary>
    public static async Task<Certificate> FreshValidAsync(this CertGuardApp app)
    {
        await using var db = app.SystemDb();
        var today = ChinaTime.Today(app.Services.GetRequiredService<TimeProvider>());
        var live = await db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Active && c.RegionCode == "440100")
            .OrderByDescending(c => c.Number).Take(400).ToListAsync();
        var single = live.GroupBy(c => c.Number).Where(g => g.Count() == 1).Select(g => g.Single());
        return single.Where(c => c.StateOn(today) == CertificateState.Valid).First(c => Taken.TryAdd(c.Number, true));
    }

    /// <summary>The card's signed QR of a certificate, as printed, then the certificate revoked by its authority.</summary>
    public static async Task<(Certificate Certificate, string Qr)> RevokedWithQrAsync(this CertGuardApp app)
    {
        var certificate = await app.FreshValidAsync();
        string qr;
        await using (var scope = app.Services.CreateAsyncScope())
            qr = await scope.ServiceProvider.GetRequiredService<CredentialIssuer>().QrTextAsync(certificate);
        await using var db = app.SystemDb();
        var tracked = await db.Certificates.SingleAsync(c => c.Id == certificate.Id);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        tracked.Revoke(RevocationReason.FraudOrBribery, ChinaTime.Today(clock), "test", app.Services.GetRequiredService<CertificateRules>(), clock);
        await db.SaveChangesAsync();
        return (certificate, qr);
    }

    /// <summary>A well-formed number no certificate has (division 440106, a 1991 birth date).</summary>
    public static string UnknownNumber()
    {
        var first17 = $"44010619910101{Random.Shared.Next(0, 1000):000}";
        return first17 + Core.Holders.ResidentIdNumber.ComputeCheckCharacter(first17);
    }

    public static string Key() => Guid.NewGuid().ToString("N");

    /// <summary>The smallest PNG: an 8-byte signature and a little more, enough for the content check.</summary>
    public static byte[] Png(int extra = 64)
    {
        var bytes = new byte[8 + extra];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        Random.Shared.NextBytes(bytes.AsSpan(8));
        return bytes;
    }
}
