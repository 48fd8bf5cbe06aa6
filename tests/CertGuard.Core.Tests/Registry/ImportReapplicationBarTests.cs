using CertGuard.Core.Certificates;
using CertGuard.Core.Registry.Import;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Registry;

/// <summary>The 3-year bar after a revocation for fraud, as an import row meets it: which rows of the holder it refuses.</summary>
public sealed class ImportReapplicationBarTests
{
    private static readonly DateOnly RevokedOn = new(2025, 3, 1);
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly ImportContext Context = new(CertificateRules.Order30, Today, null, _ => TestCertificates.Authority);

    [Theory]
    [InlineData("1.1", "2021-01-10", true)] // the revoked item, while the bar runs
    [InlineData("2.1", "2025-03-01", true)] // another item, first issued on the day of the revocation
    [InlineData("2.1", "2028-03-01", true)] // … or on the bar's last day
    [InlineData("2.1", "2025-02-28", false)] // another item held from before the revocation
    [InlineData("2.1", "2028-03-02", false)] // … or first issued after the bar
    public void A_row_of_the_holder_is_refused_when_the_bar_forbids_it(string item, string firstIssued, bool refused)
    {
        var issue = ImportReapplicationBar.Check(7, "证号", Row(item, DateOnly.Parse(firstIssued, System.Globalization.CultureInfo.InvariantCulture)), [Revoked()], Context);

        Assert.Equal(refused, issue is not null);
        if (issue is not null) Assert.Equal((7, "证号", ImportErrors.ReapplyBarredCode), (issue.Row, issue.Column, issue.Code));
    }

    [Fact]
    public void A_revocation_for_another_reason_or_of_another_holder_bars_nothing()
    {
        var clock = FixedClock.AtChinaNoon(RevokedOn);
        // The holder of the revoked certificate is another person than the row's.
        var other = TestCertificates.Issue(new DateOnly(2021, 1, 10));
        other.Revoke(RevocationReason.FraudOrBribery, RevokedOn, TestCertificates.Actor, CertificateRules.Order30, clock);
        var stranger = Row("2.1", RevokedOn.AddDays(10)) with { Holder = TestCertificates.Holder(sequence: 125) };

        var unfit = TestCertificates.Issue(new DateOnly(2021, 1, 10));
        unfit.Revoke(RevocationReason.PhysicallyUnfit, RevokedOn, TestCertificates.Actor, CertificateRules.Order30, clock);

        Assert.Null(ImportReapplicationBar.Check(7, "证号", stranger, [other], Context));
        Assert.Null(ImportReapplicationBar.Check(7, "证号", Row("2.1", RevokedOn.AddDays(10)), [unfit], Context));
    }

    private static Certificate Revoked()
    {
        var certificate = TestCertificates.Issue(new DateOnly(2021, 1, 10));
        certificate.Revoke(RevocationReason.FraudOrBribery, RevokedOn, TestCertificates.Actor, CertificateRules.Order30, FixedClock.AtChinaNoon(RevokedOn));
        return certificate;
    }

    private static RecordedCertificate Row(string item, DateOnly firstIssued) => new(
        TestCertificates.Holder(), "张三", item, firstIssued, firstIssued, firstIssued.AddYears(6).AddDays(-1), firstIssued.AddYears(3),
        TestCertificates.Guangzhou, TestCertificates.Authority, CertificateStatus.Active, null, null);
}
