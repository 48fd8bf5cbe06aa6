using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Verification;
using CertGuard.Data.Accounts;
using CertGuard.Data.Verification;
using CertGuard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Verification;

/// <summary>Writes checks into the verification log as the query, roster and review pages do, and waits for the writer.</summary>
internal static class LogArrangement
{
    public const string Guangzhou = "440100";
    public const string Shenzhen = "440300";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Taken = new(StringComparer.Ordinal);

    public static async Task RecordAsync(this CertGuardApp app, params VerificationRecord[] records)
    {
        var log = app.Services.GetRequiredService<VerificationLog>();
        await log.RecordAsync(records);
        await log.StoredAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public static VerificationRecord Check(this CertGuardApp app, VerificationChannel channel, VerificationOutcome outcome, string? number,
        Certificate? certificate = null, Guid? organisation = null, string? origin = null, TimeSpan? ago = null) =>
        new(app.Clock().GetUtcNow() - (ago ?? TimeSpan.Zero), channel, outcome, number)
        {
            CertificateId = certificate?.Id, RegionCode = certificate?.RegionCode, ItemCode = certificate?.ItemCode,
            OrganisationId = organisation, Origin = origin,
        };

    /// <summary>
    /// A Guangzhou certificate no other test has taken and the demo never checked (each test's signals stay its own).
    /// </summary>
    public static async Task<Certificate> FreshCertificateAsync(this CertGuardApp app)
    {
        await using var db = app.SystemDb();
        var candidates = await db.Certificates.AsNoTracking().Where(c => c.RegionCode == Guangzhou
                && !db.VerificationLog.Any(v => v.CertificateId == c.Id) && !db.Signals.IgnoreQueryFilters().Any(s => s.Subject == c.Number))
            .OrderBy(c => c.Id).Take(500).ToListAsync();
        // By number: signals are kept per number, and a holder may have certificates for several items.
        return candidates.First(c => Taken.TryAdd(c.Number, true));
    }

    public static async Task<Guid> OrganisationAsync(this CertGuardApp app, string kind, int index = 0, string city = Guangzhou)
    {
        await using var db = app.SystemDb();
        return await db.Organisations.AsNoTracking().Where(o => o.Kind == kind && o.RegionCode == city).OrderBy(o => o.Name)
            .Skip(index).Select(o => o.Id).FirstAsync();
    }

    /// <summary>A well-formed ID number that no demo certificate has (division 440106, a 1990 birth date).</summary>
    public static string UnknownNumber(int sequence)
    {
        var first17 = $"44010619900101{sequence % 1000:000}";
        return first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>The demo hands out Guangzhou accounts; a Shenzhen city-office account is made here.</summary>
    public static async Task<HttpClient> ShenzhenCityOfficeAsync(this CertGuardApp app)
    {
        const string userName = "sz.office.signals";
        const string password = "Shenzhen-Office-2026!";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var office = await app.OrganisationAsync(Role.CityOffice.Id, city: Shenzhen);
                var account = new Account { UserName = userName, DisplayName = "深圳市安委办", RoleId = Role.CityOffice.Id, RegionCode = Shenzhen, OrganisationId = office };
                Assert.True((await users.CreateAsync(account, password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(account, Role.CityOffice.Id)).Succeeded);
            }
        }
        return await app.SignedInClientAsync(userName, password);
    }
}
