using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Certificates;

/// <summary>Certificates of other provinces: received as their registry states them, replaced only by a newer version.</summary>
public sealed class CertificateExchangeTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly Guid Changsha = Guid.Parse("0190b0b0-0000-7000-8000-0000000000c1");
    private readonly FixedClock _clock = FixedClock.AtChinaNoon(Today);

    private static ExchangedCertificate State(int version = 1, string name = "李四", CertificateStatus status = CertificateStatus.Active, string authority = "430100") =>
        new(ResidentIdNumber.Parse(IdNumbers.Make("430102", new DateOnly(1990, 1, 1), 123), Today), name, "1.1",
            new DateOnly(2021, 5, 1), new DateOnly(2021, 5, 1), new DateOnly(2027, 4, 30), new DateOnly(2024, 5, 1), false,
            authority, status, status == CertificateStatus.Active ? null : "FraudOrBribery", status == CertificateStatus.Active ? null : new DateOnly(2025, 1, 2),
            null, version);

    [Fact]
    public void Received_certificate_holds_the_pushed_state_its_authority_code_and_version_and_records_the_receipt()
    {
        var c = Certificate.Receive(State(3), Changsha, "exchange", _clock);

        Assert.True(c.ReceivedByExchange);
        Assert.Equal(3, c.ExchangeVersion);
        Assert.Equal(1, c.Version);
        Assert.Equal("430100", c.RegionCode);
        Assert.Equal(Changsha, c.IssuingAuthorityId);
        Assert.Equal("1", c.CategoryCode);
        Assert.Equal(Sex.Male, c.HolderSex);
        Assert.Equal(new DateOnly(2024, 5, 1), c.NextReviewDue);
        var received = Assert.Single(c.History);
        Assert.Equal(CertificateEventKind.ReceivedByExchange, received.Kind);
        Assert.Equal(Today, received.EffectiveOn);
        Assert.True(c.Matches(State(3)));
    }

    [Fact]
    public void Same_version_again_is_unchanged_and_records_nothing()
    {
        var c = Certificate.Receive(State(2), Changsha, "exchange", _clock);

        Assert.Equal(ExchangeOutcome.Unchanged, c.ApplyExchange(State(2), Changsha, "exchange", _clock));
        Assert.Single(c.History);
        Assert.Equal(1, c.Version);
    }

    [Fact]
    public void Newer_version_replaces_the_state_and_records_an_update()
    {
        var c = Certificate.Receive(State(2), Changsha, "exchange", _clock);

        Assert.Equal(ExchangeOutcome.Updated, c.ApplyExchange(State(5, status: CertificateStatus.Revoked), Changsha, "exchange", _clock));

        Assert.Equal(5, c.ExchangeVersion);
        Assert.Equal(2, c.Version);
        Assert.Equal(CertificateStatus.Revoked, c.Status);
        Assert.Equal("FraudOrBribery", c.StatusReason);
        Assert.Equal(CertificateEventKind.UpdatedByExchange, c.History[^1].Kind);
    }

    [Fact]
    public void Older_version_is_refused_as_stale_and_changes_nothing()
    {
        var c = Certificate.Receive(State(4), Changsha, "exchange", _clock);

        var refused = Assert.Throws<DomainRuleException>(() => c.ApplyExchange(State(3, name: "王五"), Changsha, "exchange", _clock));

        Assert.Equal("EXCHANGE-STALE", refused.Code);
        Assert.Equal("李四", c.HolderName);
        Assert.Equal(4, c.ExchangeVersion);
        Assert.Single(c.History);
    }

    [Fact]
    public void Same_version_with_other_content_is_a_conflict()
    {
        var c = Certificate.Receive(State(4), Changsha, "exchange", _clock);

        var refused = Assert.Throws<DomainRuleException>(() => c.ApplyExchange(State(4, name: "王五"), Changsha, "exchange", _clock));

        Assert.Equal("EXCHANGE-VERSION-CONFLICT", refused.Code);
        Assert.Equal("李四", c.HolderName);
    }

    [Fact]
    public void A_certificate_issued_in_this_province_is_never_overwritten_by_a_push()
    {
        var local = TestCertificates.Issue(new DateOnly(2024, 1, 5));

        var refused = Assert.Throws<DomainRuleException>(() => local.ApplyExchange(State(9), Changsha, "exchange", _clock));

        Assert.Equal("EXCHANGE-LOCAL", refused.Code);
        Assert.Null(local.ExchangeVersion);
    }

    [Theory]
    [InlineData("440100", "EXCHANGE-AUTHORITY-LOCAL")]
    [InlineData("440000", "EXCHANGE-AUTHORITY-LOCAL")]
    [InlineData("990100", "EXCHANGE-AUTHORITY-INVALID")]
    [InlineData("810000", "EXCHANGE-AUTHORITY-INVALID")]
    [InlineData("4301", "EXCHANGE-AUTHORITY-INVALID")]
    [InlineData("43010a", "EXCHANGE-AUTHORITY-INVALID")]
    public void Authority_must_be_a_division_of_another_mainland_province(string code, string expected)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Certificate.Receive(State(authority: code), Changsha, "exchange", _clock));
        Assert.Equal(expected, refused.Code);
    }

    [Fact]
    public void Dates_out_of_order_unknown_items_and_bad_versions_are_refused_with_their_codes()
    {
        var valid = State();
        Assert.Equal("EXCHANGE-DATES", Refused(valid with { NextReviewDue = valid.ValidTo.AddDays(1) }));
        Assert.Equal("EXCHANGE-DATES", Refused(valid with { ValidFrom = valid.FirstIssuedOn.AddDays(-1) }));
        Assert.Equal("EXCHANGE-DATES", Refused(valid with { FirstIssuedOn = Today.AddDays(1), ValidFrom = Today.AddDays(1) }));
        Assert.Equal("EXCHANGE-DATES", Refused(valid with { ValidTo = valid.ValidFrom }));
        Assert.Equal("CERT-ITEM-UNKNOWN", Refused(valid with { ItemCode = "99.9" }));
        Assert.Equal("CERT-NAME-REQUIRED", Refused(valid with { HolderName = " " }));
        Assert.Equal("EXCHANGE-VERSION-INVALID", Refused(valid with { Version = 0 }));
    }

    private string Refused(ExchangedCertificate state) =>
        Assert.Throws<DomainRuleException>(() => Certificate.Receive(state, Changsha, "exchange", _clock)).Code;
}
