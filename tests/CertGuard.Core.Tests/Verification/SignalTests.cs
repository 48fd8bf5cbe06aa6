using CertGuard.Core.Verification;

namespace CertGuard.Core.Tests.Verification;

public sealed class SignalTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evidence_seen_again_raises_the_count_and_the_last_seen_never_lowers_them()
    {
        var signal = new Signal(SignalKind.NameMismatch, "440106199001011234", "440100", "一次", At);
        signal.SeenAgain("三次", 3, At.AddHours(1));
        signal.SeenAgain("旧的", 2, At.AddMinutes(-5));
        Assert.Equal((3, At.AddHours(1), "旧的"), (signal.Count, signal.LastSeen, signal.Evidence));
        Assert.Equal(At, signal.FirstSeen);
    }

    [Fact]
    public void A_signal_is_resolved_once_and_a_dismissal_needs_a_reason()
    {
        var signal = new Signal(SignalKind.ForgedForm, "x", "440100", "e", At);
        Assert.Equal("SIGNAL-REASON-REQUIRED", Assert.Throws<DomainRuleException>(() => signal.Dismiss(" ", "gz.office", At)).Code);
        Assert.Equal(SignalState.Open, signal.State);

        var lead = Guid.CreateVersion7();
        signal.TurnIntoLead(lead, "  核查  ", "gz.office", At);
        Assert.Equal((SignalState.Lead, lead, "核查", "gz.office"), (signal.State, signal.LeadId, signal.ResolutionReason, signal.ResolvedBy));
        Assert.Equal("SIGNAL-RESOLVED", Assert.Throws<DomainRuleException>(() => signal.Dismiss("晚了", "gz.office", At)).Code);
    }
}
