using System.Text.Json.Serialization;
using CertGuard.Core.Auditing;

namespace CertGuard.Core.Tips;

[JsonConverter(typeof(JsonStringEnumConverter<RewardState>))]
public enum RewardState
{
    /// <summary>Computed from the decision; waits for the reward committee.</summary>
    Proposed,
    Approved,
    Rejected,
    /// <summary>An anonymous reporter claimed it with the receipt; identifies only at payment.</summary>
    Claimed,
    Paid,
}

/// <summary>A reward (举报奖励) proposed when the case a tip led to is decided with a fine or a criminal filing.</summary>
[Audited]
public sealed class TipReward
{
    private TipReward() => RegionCode = RuleKey = Basis = "";

    public TipReward(Guid tipId, Guid caseId, string regionCode, decimal fineYuan, decimal amount, string ruleKey, string basis, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        TipId = tipId;
        CaseId = caseId;
        RegionCode = regionCode;
        FineYuan = fineYuan;
        Amount = amount;
        RuleKey = ruleKey;
        Basis = basis;
        ProposedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid TipId { get; private set; }

    public Guid CaseId { get; private set; }

    public string RegionCode { get; private set; }

    public decimal FineYuan { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>The dated reward rule applied (e.g. <c>ajzc-2018-19</c>).</summary>
    public string RuleKey { get; private set; }

    /// <summary>How the amount was computed, for the committee.</summary>
    public string Basis { get; private set; }

    public RewardState State { get; private set; } = RewardState.Proposed;

    public DateTimeOffset ProposedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    public string? PaidBy { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The payment voucher's number (凭证号).</summary>
    public string? Voucher { get; private set; }

    /// <summary>Who was paid (name, ID number, phone), sealed with the tip's data key.</summary>
    public byte[]? SealedPayee { get; private set; }

    public int Version { get; private set; }

    /// <summary>The reward committee decides; whoever decides records a note.</summary>
    public void Decide(bool approve, string note, string by, DateTimeOffset at)
    {
        if (State != RewardState.Proposed) throw Refusal.Conflict("TIP-REWARD-STATE", ("state", State.ToString()));
        var text = note.Trim();
        if (text.Length == 0) throw Refusal.Invalid("TIP-REWARD-NOTE-REQUIRED");
        State = approve ? RewardState.Approved : RewardState.Rejected;
        DecidedBy = by;
        DecidedAt = at;
        DecisionNote = text.Length > 500 ? text[..500] : text;
        Version++;
    }

    public void Claim(DateTimeOffset at)
    {
        if (State != RewardState.Approved) throw Refusal.Conflict("TIP-REWARD-STATE", ("state", State.ToString()));
        State = RewardState.Claimed;
        ClaimedAt = at;
        Version++;
    }

    /// <summary>Paid by the reward officer: a named reporter once approved, an anonymous one once claimed.</summary>
    public void Pay(bool namedReporter, string voucher, byte[] sealedPayee, string by, DateTimeOffset at)
    {
        var payable = namedReporter ? State is RewardState.Approved or RewardState.Claimed : State == RewardState.Claimed;
        if (!payable) throw Refusal.Conflict("TIP-REWARD-STATE", ("state", State.ToString()));
        var text = voucher.Trim();
        if (text.Length == 0) throw Refusal.Invalid("TIP-REWARD-VOUCHER-REQUIRED");
        State = RewardState.Paid;
        Voucher = text.Length > 64 ? text[..64] : text;
        SealedPayee = sealedPayee;
        PaidBy = by;
        PaidAt = at;
        Version++;
    }
}
