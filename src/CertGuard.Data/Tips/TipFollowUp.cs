using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Tips;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Tips;

public sealed record TipMessageView(bool FromReporter, DateTimeOffset At, string Text);

public sealed record TipRewardView(RewardState State, decimal Amount);

/// <summary>What the reporter sees with the receipt: the state, the messages both ways, the files sent, the reward.</summary>
public sealed record TipFollowUpView(
    TipState State, string StateName, TipKind Kind, string KindName, DateOnly ReceivedOn, bool Named,
    IReadOnlyList<TipMessageView> Messages, int Files, TipRewardView? Reward);

/// <summary>
/// The reporter's side, with the receipt as the only credential. A wrong receipt, a malformed one and an expired one
/// get the same refusal after the same work (one Argon2id), so none of them tells which it was. Tips are read without
/// the scope filters on purpose: the visitor has no account; the receipt is the authority.
/// </summary>
public sealed class TipFollowUp(CertGuardDbContext db, TipVault vault, TipLeadFollower follower, TimeProvider clock, IOptions<TipOptions> options, IActor actor)
{
    public async Task<TipFollowUpView> ViewAsync(string? receipt, CancellationToken ct)
    {
        var (tip, key) = await OpenAsync(receipt, ct);
        var shown = await ShownTipAsync(tip, ct);
        await follower.FollowAsync(shown, ct);
        var messages = await db.TipMessages.Where(m => m.TipId == tip.Id).OrderBy(m => m.At).ToListAsync(ct);
        var files = await db.TipFiles.CountAsync(f => f.TipId == tip.Id, ct);
        var reward = await db.TipRewards.IgnoreQueryFilters().Where(r => r.TipId == shown.Id).OrderByDescending(r => r.ProposedAt).FirstOrDefaultAsync(ct);
        await db.SaveChangesAsync(ct);
        return new TipFollowUpView(shown.State, TipTexts.StateName(shown.State), tip.Kind, TipTexts.KindName(tip.Kind), Core.Time.ChinaTime.DateOf(tip.ReceivedAt), tip.Named,
            messages.Select(m => new TipMessageView(m.FromReporter, m.At, TipVault.OpenText(key, tip.Id, "message", m.Sealed))).ToList(), files,
            reward is null ? null : new TipRewardView(reward.State, reward.Amount));
    }

    public async Task ReplyAsync(string? receipt, string? text, IReadOnlyList<byte[]> files, CancellationToken ct)
    {
        var body = (text ?? "").Trim();
        if (body.Length == 0 && files.Count == 0) throw Refusal.Invalid("TIP-REPLY-EMPTY");
        if (body.Length > TipIntake.TextMaxLength) throw Refusal.Invalid("TIP-TEXT-TOO-LONG", ("max", TipIntake.TextMaxLength));
        var evidence = TipIntake.Scrub(files, options.Value);
        var (tip, key) = await OpenAsync(receipt, ct);
        var now = clock.GetUtcNow();
        if (body.Length > 0) db.TipMessages.Add(new TipMessage(tip.Id, true, null, now, TipVault.Seal(key, tip.Id, "message", body)));
        foreach (var (bytes, type) in evidence) db.TipFiles.Add(new TipFile(tip.Id, type, bytes.Length, now, TipVault.Seal(key, tip.Id, "file", bytes)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// An anonymous reporter claims an approved reward with the receipt; they identify only at payment, to the reward
    /// officer. A signed-in official cannot claim: regulators' own staff are excluded.
    /// </summary>
    public async Task<TipRewardView> ClaimAsync(string? receipt, bool declaresNotStaff, CancellationToken ct)
    {
        if (actor.Role is { } role && role != Role.Employer) throw Refusal.Forbidden("TIP-REWARD-STAFF");
        if (!declaresNotStaff) throw Refusal.Invalid("TIP-REWARD-DECLARATION");
        var (tip, _) = await OpenAsync(receipt, ct);
        var reward = await db.TipRewards.IgnoreQueryFilters().Where(r => r.TipId == tip.Id && r.State == RewardState.Approved).FirstOrDefaultAsync(ct)
            ?? throw Refusal.Conflict("TIP-REWARD-NOT-CLAIMABLE");
        reward.Claim(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new TipRewardView(reward.State, reward.Amount);
    }

    private async Task<(Tip Tip, byte[] Key)> OpenAsync(string? text, CancellationToken ct)
    {
        var receipt = Receipt.Normalise(text);
        if (receipt is null)
        {
            vault.Decoy("0000000000000000");
            throw Unknown();
        }
        var ids = vault.LookupIds(receipt);
        var candidates = await db.Tips.IgnoreQueryFilters().Where(t => ids.Contains(t.LookupId)).ToListAsync(ct);
        if (candidates.Count == 0) vault.Decoy(receipt);
        var now = clock.GetUtcNow();
        foreach (var tip in candidates)
        {
            if (!vault.Matches(tip, receipt)) continue;
            if (now - tip.LastReporterActivityAt > TimeSpan.FromDays(options.Value.ReceiptInactivityDays))
            {
                if (tip.ReporterKeyWrap is not null)
                {
                    tip.ForgetReceipt();
                    await db.SaveChangesAsync(ct);
                }
                throw Unknown();
            }
            var key = vault.OpenAsReporter(tip, receipt);
            if (key is null) throw Unknown();
            tip.TouchByReporter(now);
            return (tip, key);
        }
        throw Unknown();
    }

    private static DomainRuleException Unknown() => Refusal.NotFound("TIP-RECEIPT-UNKNOWN");

    /// <summary>A tip merged into another follows that one's state.</summary>
    private async Task<Tip> ShownTipAsync(Tip tip, CancellationToken ct) =>
        tip.MergedIntoId is { } target ? await db.Tips.IgnoreQueryFilters().SingleAsync(t => t.Id == target, ct) : tip;
}
