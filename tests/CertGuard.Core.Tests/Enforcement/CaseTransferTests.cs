using CertGuard.Core;
using CertGuard.Core.Enforcement.Clocks;
using CertGuard.Core.Enforcement.Transfers;
using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Tests.Enforcement;

/// <summary>A transfer's rules without a database: officers, package, states, the police's decision and its clocks.</summary>
public sealed class CaseTransferTests
{
    private static readonly DateTimeOffset Reported = new(2026, 9, 1, 2, 0, 0, TimeSpan.Zero);

    private static TransferReport Report(string? appraisal = "鉴定：伪造", params string[] officers) => new(
        officers.Length == 0 ? ["李执法", "王执法"] : officers, TransferReason.ForgedCertificate, "伪造证件", "调查报告",
        [new SeizedItem("伪造的操作证", 3)], appraisal, "照片、笔录");

    private static CaseTransfer New(TransferReport? report = null) =>
        new(Guid.NewGuid(), "440100", "广州市应急管理局", "持伪造证件上岗", "陈某", report ?? Report(), "officer", Reported);

    private static ReferenceDataVersion Rules => ReferenceDataSet.Shipped.InForce(new DateOnly(2026, 9, 1));

    [Fact]
    public void A_report_needs_two_distinct_officers()
    {
        var refusal = Assert.Throws<DomainRuleException>(() => New(Report("x", "李执法", "李执法")));
        Assert.Equal("TRANSFER-OFFICERS-REQUIRED", refusal.Code);
        Assert.Equal(["李执法", "王执法"], New().Officers);
    }

    [Fact]
    public void An_incomplete_package_is_refused_at_the_transfer_and_names_what_is_missing()
    {
        var t = New(Report(appraisal: null));
        t.Approve("lead", Reported.AddHours(5));
        var refusal = Assert.Throws<DomainRuleException>(() => t.Send("穗应急移〔2026〕1号", "officer", Reported.AddHours(6)));
        Assert.Equal("TRANSFER-PACKAGE-INCOMPLETE", refusal.Code);
        Assert.Equal(TransferState.Approved, t.State);
        t.Revise(Report(), "officer", Reported.AddHours(7));
        t.Send("穗应急移〔2026〕1号", "officer", Reported.AddHours(8));
        Assert.Equal(TransferState.Transferred, t.State);
        Assert.Equal(5, TransferPackage.Documents(t).Count);
        Assert.Equal([new SeizedItem("伪造的操作证", 3)], t.SeizedItems);
    }

    [Fact]
    public void The_send_clock_is_24_hours_from_approval_and_the_police_clock_3_days_from_the_transfer()
    {
        var t = New();
        t.Approve("lead", Reported.AddDays(1));
        var send = TransferClocks.Of(t, Rules, Reported.AddDays(1).AddHours(30)).Single(k => k.Limit.Code == TransferClocks.Send);
        Assert.Equal(ClockState.Overdue, send.Reading.State);
        Assert.Equal(Reported.AddDays(1).AddHours(24), send.Reading.Deadline);
        t.Send("穗应急移〔2026〕1号", "officer", Reported.AddDays(1).AddHours(20));
        var decision = TransferClocks.Of(t, Rules, Reported.AddDays(2)).Single(k => k.Limit.Code == TransferClocks.PoliceDecision);
        Assert.True(decision.Running);
        Assert.Equal(3, decision.Limit.Amount);
        Assert.False(TransferClocks.Of(t, Rules, Reported.AddDays(2)).Single(k => k.Limit.Code == TransferClocks.Send).Running);
    }

    [Fact]
    public void Only_a_filed_transfer_takes_counts_and_a_refusal_is_reconsidered_once()
    {
        var t = New();
        t.Approve("lead", Reported);
        t.Send("n", "officer", Reported);
        t.Accept("police", Reported);
        t.Decide(false, "证据不足", null, "police", Reported);
        Assert.Equal("TRANSFER-WRONG-STATE", Assert.Throws<DomainRuleException>(() => t.RecordCounts(new CampaignCounts(1, 0, 0, 0, null, null), "police", Reported)).Code);
        t.AskReconsideration("请复议", "officer", Reported);
        t.AnswerReconsideration(true, "立案", "穗公立字〔2026〕1号", "police", Reported.AddDays(1));
        Assert.Equal(TransferState.Filed, t.State);
        Assert.Equal(Reported.AddDays(1), t.FiledAt);
        t.RecordCounts(new CampaignCounts(2, 1, 0, 3, FakeChannel.Printer, null), "police", Reported.AddDays(2));
        Assert.Equal((2, 1, 3), (t.SuspectsCaught, t.DensDestroyed, t.ForgedCertificatesSeized));
        Assert.Equal("TRANSFER-COUNT-RANGE", Assert.Throws<DomainRuleException>(() => t.RecordCounts(new CampaignCounts(-1, 0, 0, 0, null, null), "police", Reported)).Code);
    }
}
