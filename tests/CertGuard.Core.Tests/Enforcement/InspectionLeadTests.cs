using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;

namespace CertGuard.Core.Tests.Enforcement;

/// <summary>A lead closes only with a recorded disposition; "no action" waits for the enforcement lead; each change bumps the version.</summary>
public sealed class InspectionLeadTests
{
    private static readonly DateTimeOffset At = new(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);

    private static InspectionLead NewLead(string city = "440100") => new(city, LeadSources.Signal, "一证多单位使用", "gz.office", At);

    [Fact]
    public void Opening_a_case_closes_it_with_the_case()
    {
        var lead = NewLead();
        var caseId = Guid.NewGuid();

        lead.OpenCase(caseId, "gz.inspector", At.AddHours(1));

        Assert.Equal((LeadStatus.Closed, LeadDisposition.CaseOpened, caseId, 1), (lead.Status, lead.Disposition!.Value, lead.CaseId!.Value, lead.Version));
        Assert.Equal(("gz.inspector", At.AddHours(1)), (lead.ClosedBy, lead.ClosedAt!.Value));
        Assert.Equal("LEAD-CLOSED", Assert.Throws<DomainRuleException>(() => lead.OpenCase(Guid.NewGuid(), "x", At)).Code);
    }

    [Fact]
    public void A_referral_needs_a_note_and_records_the_department()
    {
        var lead = NewLead();

        var blank = Assert.Throws<DomainRuleException>(() => lead.Refer(LeadDepartments.Police, "  ", "gz.inspector", At));
        Assert.Equal(("LEAD-REASON-REQUIRED", RefusalKind.Invalid), (blank.Code, blank.Kind));
        Assert.Equal(LeadStatus.Open, lead.Status);

        lead.Refer(LeadDepartments.Police, " 涉嫌伪造证件 ", "gz.inspector", At);
        Assert.Equal((LeadDisposition.Referred, "police", "涉嫌伪造证件"), (lead.Disposition!.Value, lead.ReferredTo, lead.DispositionNote));
    }

    [Fact]
    public void A_lead_merges_only_into_another_open_lead_of_its_city()
    {
        var lead = NewLead();
        var closed = NewLead();
        closed.Refer(LeadDepartments.Cyberspace, "网站", "x", At);

        Assert.Equal("LEAD-MERGE-TARGET", Assert.Throws<DomainRuleException>(() => lead.MergeInto(lead, "x", At)).Code);
        Assert.Equal("LEAD-MERGE-TARGET", Assert.Throws<DomainRuleException>(() => lead.MergeInto(closed, "x", At)).Code);
        Assert.Equal("LEAD-MERGE-TARGET", Assert.Throws<DomainRuleException>(() => lead.MergeInto(NewLead("440300"), "x", At)).Code);

        var target = NewLead();
        lead.MergeInto(target, "gz.inspector", At);
        Assert.Equal((LeadDisposition.Merged, target.Id), (lead.Disposition!.Value, lead.MergedIntoId!.Value));
        Assert.True(target.IsOpen);
    }

    [Fact]
    public void No_action_is_proposed_with_a_reason_then_approved_or_sent_back()
    {
        var lead = NewLead();
        Assert.Equal("LEAD-NOT-AWAITING", Assert.Throws<DomainRuleException>(() => lead.ApproveNoAction("gz.enforcement", At)).Code);
        Assert.Equal("LEAD-REASON-REQUIRED", Assert.Throws<DomainRuleException>(() => lead.ProposeNoAction("", "gz.inspector", At)).Code);

        lead.ProposeNoAction("查验时间未重叠", "gz.inspector", At);
        Assert.Equal((LeadStatus.AwaitingApproval, "gz.inspector", 1), (lead.Status, lead.ProposedBy, lead.Version));
        Assert.True(lead.IsOpen);
        // While it waits, nothing else may close it.
        Assert.Equal("LEAD-CLOSED", Assert.Throws<DomainRuleException>(() => lead.Refer("police", "n", "x", At)).Code);

        lead.RejectNoAction();
        Assert.Equal((LeadStatus.Open, null, null, 2), (lead.Status, lead.ProposedBy, lead.DispositionNote, lead.Version));

        lead.ProposeNoAction("持证人本人", "gz.inspector", At);
        lead.ApproveNoAction("gz.enforcement", At.AddDays(1));
        Assert.Equal((LeadStatus.Closed, LeadDisposition.NoAction, "持证人本人", "gz.enforcement", 4),
            (lead.Status, lead.Disposition!.Value, lead.DispositionNote, lead.ClosedBy, lead.Version));
        Assert.Equal("LEAD-NOT-AWAITING", Assert.Throws<DomainRuleException>(lead.RejectNoAction).Code);
    }

    [Theory]
    [InlineData("inspector", true, false, false, true, null)]
    [InlineData("enforcement-lead", true, true, false, true, null)]
    [InlineData("city-office", false, false, false, true, null)]
    [InlineData("province-office", false, false, false, true, null)]
    [InlineData("police", false, false, true, true, "police")]
    [InlineData("market-regulation", false, false, false, true, "market-regulation")]
    [InlineData("cyberspace", false, false, false, true, "cyberspace")]
    [InlineData("employer", false, false, false, false, null)]
    [InlineData("issuing-authority", false, false, false, false, null)]
    [InlineData("auditor", false, false, false, false, null)]
    public void Each_role_has_its_part_in_the_inbox(string role, bool works, bool decides, bool passes, bool reads, string? department)
    {
        var scope = new AccessScope(Role.Find(role)!, "440100", null);

        Assert.Equal((works, decides, passes, reads, department),
            (LeadAccess.MayWork(scope), LeadAccess.MayDecideNoAction(scope), LeadAccess.MayPassFromPolice(scope), LeadAccess.MayRead(scope), LeadAccess.DepartmentOf(scope)));
    }
}
