using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Organisations;
using CertGuard.Core.Verification;
using CertGuard.Data.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Demo;

/// <summary>
/// A few weeks of checks in the demo city, so the verification log, the holder's "who checked" list and the city
/// office's signal queue have something to show on a fresh start: one certificate at two employers, a number queried
/// under other names, a forged number, and a burst of not-found queries from one network.
/// </summary>
internal static class DemoChecks
{
    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, IReadOnlyList<Organisation> organisations, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var employers = organisations.Where(o => o.Kind == Role.Employer.Id && o.RegionCode == DemoOrganisations.DemoCity).Take(2).ToList();
        var certificates = await db.Certificates.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.RegionCode == DemoOrganisations.DemoCity && c.Status == CertificateStatus.Active)
            .OrderByDescending(c => c.Id).Take(3).ToListAsync(ct);
        if (employers.Count < 2 || certificates.Count < 3) return;
        var (shared, impersonated, checkedOften) = (certificates[0], certificates[1], certificates[2]);

        VerificationRecord Check(Certificate? c, VerificationChannel channel, VerificationOutcome outcome, TimeSpan ago, Organisation? by = null,
            string? number = null, string? origin = null) =>
            new(now - ago, channel, outcome, number ?? c?.Number)
            {
                CertificateId = c?.Id, RegionCode = c?.RegionCode, ItemCode = c?.ItemCode, OrganisationId = by?.Id,
                AccountName = by is null ? null : "demo", Origin = origin ?? "192.0.2.0/24",
            };

        var forged = "44010619850505123";
        forged += ResidentIdNumber.ComputeCheckCharacter(forged) == '0' ? '1' : '0';
        var records = new List<VerificationRecord>
        {
            Check(shared, VerificationChannel.RosterCheck, VerificationOutcome.Valid, TimeSpan.FromDays(40), employers[0]),
            Check(shared, VerificationChannel.PublicQuery, VerificationOutcome.Valid, TimeSpan.FromDays(3), employers[1]),
            Check(impersonated, VerificationChannel.PublicQuery, VerificationOutcome.NameMismatch, TimeSpan.FromDays(12)),
            Check(impersonated, VerificationChannel.PublicQuery, VerificationOutcome.NameMismatch, TimeSpan.FromDays(2)),
            Check(checkedOften, VerificationChannel.PublicQuery, VerificationOutcome.Valid, TimeSpan.FromDays(20)),
            Check(checkedOften, VerificationChannel.QrCheck, VerificationOutcome.Valid, TimeSpan.FromDays(6), employers[0]),
            Check(null, VerificationChannel.PublicQuery, VerificationOutcome.Malformed, TimeSpan.FromDays(1), number: forged),
        };
        for (var i = 0; i < 24; i++)
        {
            var probe = $"44010619900101{i:000}";
            records.Add(Check(null, VerificationChannel.PublicQuery, VerificationOutcome.NotFound, TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(i),
                number: probe + ResidentIdNumber.ComputeCheckCharacter(probe), origin: "198.18.7.0/24"));
        }
        db.VerificationLog.AddRange(records);
        await db.SaveChangesAsync(ct);
        await new SignalDetector(db, clock, Options.Create(new SignalOptions())).ExamineAsync(records, ct);
    }
}
