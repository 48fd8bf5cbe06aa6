using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;

namespace CertGuard.Core.Tests.Support;

/// <summary>Issues certificates for the tests, with the clock set to the day of issue.</summary>
public static class TestCertificates
{
    public const string Actor = "officer-gz-01";
    public const string Guangzhou = "440100";
    public static readonly Guid Authority = Guid.Parse("0190b0b0-0000-7000-8000-0000000000a1");
    public static readonly Guid Employer = Guid.Parse("0190b0b0-0000-7000-8000-0000000000e1");

    public static readonly DateOnly DefaultBirth = new(1985, 5, 20);

    public static ResidentIdNumber Holder(DateOnly? birth = null, int sequence = 123) =>
        ResidentIdNumber.Parse(IdNumbers.Make("440106", birth ?? DefaultBirth, sequence), new DateOnly(2100, 1, 1));

    public static IssueRequest Request(DateOnly issuedOn, ResidentIdNumber? holder = null, string itemCode = "1.1", string name = "张三") =>
        new(holder ?? Holder(), name, itemCode, issuedOn, Guangzhou, Authority, Employer, Actor);

    /// <summary>Issues on <paramref name="issuedOn"/>; the clock is left at noon (UTC+8) of that day.</summary>
    public static Certificate Issue(DateOnly issuedOn, FixedClock clock, CertificateRules? rules = null, ResidentIdNumber? holder = null)
    {
        clock.SetChinaNoon(issuedOn);
        return Certificate.Issue(Request(issuedOn, holder), rules ?? CertificateRules.Order30, clock);
    }

    public static Certificate Issue(DateOnly issuedOn, CertificateRules? rules = null) =>
        Issue(issuedOn, FixedClock.AtChinaNoon(issuedOn), rules);
}
