using System.Globalization;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Reminders;

/// <summary>Certificates whose review falls on a chosen day, issued as an authority would (through the domain).</summary>
internal static class ReviewArrangement
{
    private static int _holders;

    /// <summary>Issues a certificate whose review falls due <paramref name="dueInDays"/> days from today (negative: overdue).</summary>
    public static async Task<Certificate> IssueDueAsync(this CertGuardApp app, string city, int dueInDays, Guid? employer = null, bool markInvalid = false)
    {
        var today = app.Today();
        return await app.IssueOnAsync(city, today.AddDays(dueInDays).AddYears(-3), employer, markInvalid);
    }

    /// <summary>Issues on a past day; nothing reviewed since.</summary>
    public static async Task<Certificate> IssueOnAsync(this CertGuardApp app, string city, DateOnly issuedOn, Guid? employer = null, bool markInvalid = false)
    {
        var today = app.Today();
        await using var db = app.SystemDb();
        var authority = await db.Organisations.Where(o => o.Kind == Role.IssuingAuthority.Id && o.RegionCode == city).Select(o => o.Id).FirstAsync();
        var n = Interlocked.Increment(ref _holders);
        var first17 = "440106" + new DateOnly(1970, 1, 1).AddDays(n * 7).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (900 + n % 90).ToString("000", CultureInfo.InvariantCulture);
        var holder = ResidentIdNumber.Parse(first17 + ResidentIdNumber.ComputeCheckCharacter(first17), today);
        var certificate = Certificate.Issue(new IssueRequest(holder, "测试" + string.Concat(n.ToString("D4", CultureInfo.InvariantCulture).Select(c => "零一二三四五六七八九"[c - '0'])) + "号", "1.1", issuedOn, city, authority, employer, "test"), app.Rules(), app.Clock());
        if (markInvalid) Assert.True(certificate.MarkInvalidIfOverdue(today, app.Clock()));
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();
        return certificate;
    }

    /// <summary>The organisation of a demo account (e.g. the demo employer).</summary>
    public static async Task<Guid> OrganisationOfAsync(this CertGuardApp app, string role)
    {
        await using var db = app.SystemDb();
        var userName = app.Account(role).UserName;
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.OrganisationId!.Value).SingleAsync();
    }

    /// <summary>
    /// The oracle, in memory: due within the window (active, within validity), or overdue (due date passed, still
    /// within validity, active or marked invalid for it). Certificates of other provinces are not reminded.
    /// </summary>
    public static bool IsReminder(Certificate c, DateOnly today, int days) =>
        c.ExchangeVersion is null && c.ValidTo >= today && c.NextReviewDue <= today.AddDays(days)
        && (c.Status == CertificateStatus.Active
            || (c.Status == CertificateStatus.Invalid && c.StatusReason == nameof(CertificateState.ReviewOverdue) && c.NextReviewDue < today));
}
