using CertGuard.Core.Certificates;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Tests.Support;
using CertGuard.Core.Time;

namespace CertGuard.Core.Tests.ReferenceData;

/// <summary>The shipped versions: order 30 until 2026-05-31, order 19 (to be confirmed) from 2026-06-01.</summary>
public sealed class ShippedReferenceDataTests
{
    private static readonly ReferenceDataSet Shipped = ReferenceDataSet.Shipped;
    private static readonly ReferenceDataVersion Order30 = Shipped.Find("order-30")!;
    private static readonly ReferenceDataVersion Order19 = Shipped.Find("order-19")!;
    private static readonly string[] Electrician = ["1.4", "1.5", "1.6"];

    [Fact]
    public void Order_30_decides_through_2026_05_31_and_order_19_from_2026_06_01()
    {
        Assert.Equal(["order-30", "order-19"], Shipped.Versions.Select(v => v.Key));
        Assert.Equal("order-30", Shipped.InForce(new DateOnly(2026, 5, 31)).Key);
        Assert.Equal("order-19", Shipped.InForce(new DateOnly(2026, 6, 1)).Key);
        Assert.Equal("order-30", Shipped.InForce(new DateOnly(2015, 1, 1)).Key);
        Assert.Equal("order-19", Shipped.InForce(new DateOnly(2031, 1, 1)).Key);
        // A date before the first version still has rules: the first version's.
        Assert.Equal("order-30", Shipped.InForce(new DateOnly(1990, 1, 1)).Key);
        Assert.Equal(new DateOnly(2026, 5, 31), Shipped.InForceUntil(Order30));
        Assert.Null(Shipped.InForceUntil(Order19));
    }

    [Theory]
    [InlineData("2026-05-31T15:59:59Z", "order-30")] // 23:59:59 on 31 May in China
    [InlineData("2026-05-31T16:00:00Z", "order-19")] // midnight of 1 June in China, still 31 May in UTC
    public void The_day_is_the_day_in_China(string instant, string expected)
    {
        var day = ChinaTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, Shipped.InForce(day).Key);
    }

    [Fact]
    public void Order_19_is_marked_to_be_confirmed_and_copies_order_30s_rules()
    {
        Assert.Equal(ReferenceDataStatus.Confirmed, Order30.Status);
        Assert.Equal(ReferenceDataStatus.ToBeConfirmed, Order19.Status);
        Assert.Contains("待确认", Order19.Title, StringComparison.Ordinal);
        Assert.Equal(Order30.Rules, Order19.Rules);
        Assert.Equal(new CertificateRules(), Order30.Rules); // 6 years, review every 3, 60-day window, 6-year interval after 10, 3-year bar
        Assert.Equal(Order30.TimeLimits.Select(t => (t.Code, t.Amount, t.Unit)), Order19.TimeLimits.Select(t => (t.Code, t.Amount, t.Unit)));
        Assert.Equal(Order30.Penalties.Select(p => (p.Code, p.MinimumFine, p.MaximumFine)), Order19.Penalties.Select(p => (p.Code, p.MinimumFine, p.MaximumFine)));
    }

    [Fact]
    public void The_2026_catalogue_adds_the_electrician_items_1_4_to_1_6_and_order_30s_does_not_have_them()
    {
        Assert.Equal("电力电缆作业", Order19.Catalogue.FindItem("1.4")?.Name);
        Assert.Equal("继电保护作业", Order19.Catalogue.FindItem("1.5")?.Name);
        Assert.Equal("电气试验作业", Order19.Catalogue.FindItem("1.6")?.Name);
        Assert.All(Electrician, code =>
        {
            Assert.Null(Order30.Catalogue.FindItem(code));
            Assert.Equal("1", Order19.Catalogue.FindItem(code)!.CategoryCode);
        });
        Assert.Equal(Order30.Catalogue.Items.Select(i => i.Code).Concat(["1.4", "1.5", "1.6"]).Order(Core.Catalogue.CodeOrder.Instance),
                     Order19.Catalogue.Items.Select(i => i.Code).Order(Core.Catalogue.CodeOrder.Instance));
        Assert.Contains("应急〔2026〕45号", Order19.CatalogueBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_30s_catalogue_is_the_vendored_catalogue_csv()
    {
        var rows = ReferenceFiles.Rows(ReferenceFiles.VendoredText("catalogue.csv"));
        Assert.Equal(52, rows.Count);
        Assert.Equal(rows.Select(r => (r[0], r[2], r[3])), Order30.Catalogue.Items.Select(i => (i.CategoryCode, i.Code, i.Name)));
        Assert.Equal(rows.Select(r => (r[0], r[1])).Distinct(), Order30.Catalogue.Categories.Select(c => (c.Code, c.Name)));
    }

    [Theory]
    [InlineData("order-30")]
    [InlineData("order-19")]
    public void The_employer_with_an_uncertified_worker_faces_the_Work_Safety_Law_2021_Art_97(string key)
    {
        var version = Shipped.Find(key)!;
        var first = version.Penalty("EMPLOYER-UNCERTIFIED-WORKER")!;
        Assert.Equal((0L, 100_000L), (first.MinimumFine!.Value, first.MaximumFine!.Value));
        Assert.Contains("责令限期改正", first.Measures, StringComparison.Ordinal);
        var notCorrected = version.Penalty("EMPLOYER-UNCERTIFIED-WORKER-NOT-CORRECTED")!;
        Assert.Equal((100_000L, 200_000L), (notCorrected.MinimumFine!.Value, notCorrected.MaximumFine!.Value));
        Assert.Contains("停产停业整顿", notCorrected.Measures, StringComparison.Ordinal);
        var managers = version.Penalty("EMPLOYER-UNCERTIFIED-WORKER-MANAGERS")!;
        Assert.Equal(PenaltyParty.ResponsiblePerson, managers.Party);
        Assert.Equal((20_000L, 50_000L), (managers.MinimumFine!.Value, managers.MaximumFine!.Value));
        Assert.All(new[] { first, notCorrected, managers }, p => Assert.Contains("安全生产法》（2021年修正）第九十七条", p.LegalBasis, StringComparison.Ordinal));
        Assert.True(first.Allows(100_000));
        Assert.False(first.Allows(100_001));
        Assert.False(notCorrected.Allows(99_999));
    }

    [Theory]
    [InlineData("EMPLOYER-NO-FILES", 0L, 10_000L, PenaltyParty.Employer)]
    [InlineData("EMPLOYER-FORGED-CERTIFICATES", 10_000L, 30_000L, PenaltyParty.Employer)]
    [InlineData("HOLDER-FORGED-CERTIFICATE", 1_000L, 5_000L, PenaltyParty.Holder)]
    [InlineData("HOLDER-LENT-CERTIFICATE", 2_000L, 10_000L, PenaltyParty.Holder)]
    public void The_other_penalties_carry_their_ranges(string code, long min, long max, PenaltyParty party)
    {
        foreach (var version in Shipped.Versions)
        {
            var rule = version.Penalty(code)!;
            Assert.Equal((min, max, party), (rule.MinimumFine!.Value, rule.MaximumFine!.Value, rule.Party));
            if (code != "EMPLOYER-NO-FILES") Assert.Contains("警告", rule.Measures, StringComparison.Ordinal);
        }
        Assert.Null(Order30.Penalty("INSTITUTION-CONDITIONS")!.MaximumFine); // amounts not found: no invented figure
    }

    [Theory]
    [InlineData("CASE-DECISION", 90, TimeLimitUnit.Days)]
    [InlineData("CASE-HEARING-REQUEST", 5, TimeLimitUnit.Days)]
    [InlineData("CASE-HEARING-NOTICE", 7, TimeLimitUnit.Days)]
    [InlineData("CASE-SERVICE", 7, TimeLimitUnit.Days)]
    [InlineData("CASE-PAYMENT", 15, TimeLimitUnit.Days)]
    [InlineData("CASE-LIMITATION", 2, TimeLimitUnit.Years)]
    [InlineData("CASE-LIMITATION-SAFETY", 5, TimeLimitUnit.Years)]
    [InlineData("TRANSFER-APPROVAL", 3, TimeLimitUnit.Days)]
    [InlineData("TRANSFER-SEND", 24, TimeLimitUnit.Hours)]
    [InlineData("TRANSFER-POLICE-DECISION", 3, TimeLimitUnit.Days)]
    [InlineData("TIP-CHECK", 30, TimeLimitUnit.Days)]
    [InlineData("TIP-CHECK-MAX", 90, TimeLimitUnit.Days)]
    public void The_procedural_time_limits_are_held(string code, int amount, TimeLimitUnit unit)
    {
        var limit = Shipped.InForce(new DateOnly(2026, 12, 1)).TimeLimit(code)!;
        Assert.Equal((amount, unit), (limit.Amount, limit.Unit));
        Assert.False(string.IsNullOrWhiteSpace(limit.LegalBasis));
    }

    [Fact]
    public void Item_1_4_is_refused_on_2026_05_31_and_issued_on_2026_06_01()
    {
        var clock = FixedClock.AtChinaNoon(new DateOnly(2026, 6, 2));
        var refused = Assert.Throws<DomainRuleException>(() =>
            Certificate.Issue(TestCertificates.Request(new DateOnly(2026, 5, 31), itemCode: "1.4"), Order30.Rules, clock));
        Assert.Equal("CERT-ITEM-UNKNOWN", refused.Code);
        var issued = Certificate.Issue(TestCertificates.Request(new DateOnly(2026, 6, 1), itemCode: "1.4"), Order19.Rules, clock);
        Assert.Equal(("1.4", "1"), (issued.ItemCode, issued.CategoryCode));
    }

    [Fact]
    public void A_withdrawn_item_keeps_its_name_but_is_not_issued()
    {
        var catalogue = new Core.Catalogue.OperationCatalogue(
            [new("1", "电工作业")], [new("1.1", "高压电工作业", "1"), new("1.2", "低压电工作业", "1", Withdrawn: true)]);
        Assert.Equal("低压电工作业", catalogue.ItemName("1.2"));
        Assert.False(catalogue.IsIssuable("1.2"));
        var refused = Assert.Throws<DomainRuleException>(() => Certificate.Issue(
            TestCertificates.Request(new DateOnly(2026, 6, 1), itemCode: "1.2"), Order19.Rules, FixedClock.AtChinaNoon(new DateOnly(2026, 6, 2)), catalogue));
        Assert.Equal("CERT-ITEM-UNKNOWN", refused.Code);
    }

    [Fact]
    public void The_shipped_files_read_back_to_the_same_versions()
    {
        foreach (var version in Shipped.Versions)
        {
            var again = ReferenceDataValidator.Build(ReferenceDataDocument.Parse(version.Document.ToJson()));
            Assert.Equal(version.Key, again.Key);
            Assert.Empty(ReferenceDataDiff.Between(version, again));
        }
    }
}
