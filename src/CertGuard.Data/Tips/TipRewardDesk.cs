using System.Text.Json;
using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Tips;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Tips;

public sealed record TipRewardRow(Guid Id, Guid TipId, Guid CaseId, string RegionCode, decimal FineYuan, decimal Amount, string RuleKey, string Basis,
    RewardState State, bool NamedReporter, DateTimeOffset ProposedAt, string? DecidedBy, string? DecisionNote, DateTimeOffset? PaidAt, string? Voucher, int Version);

/// <summary>The payee as the reward officer records it at payment; sealed with the tip's data key.</summary>
public sealed record RewardPayee(string? Name, string? IdNumber, string? Phone);

/// <summary>
/// Rewards after the proposal: the committee step (the enforcement lead of the city approves or rejects, with a note)
/// and payment by the reward officer (the city office) with its voucher. A named reporter is paid as filed; an anonymous
/// one identifies at payment, to the reward officer alone, and that is audited. A payee whose phone belongs to a
/// regulator's account is refused: regulators' own staff are not paid.
/// </summary>
public sealed class TipRewardDesk(CertGuardDbContext db, TipVault vault, TimeProvider clock, IActor actor)
{
    public const string PayeeAction = "tip-reward-payee";

    public async Task<IReadOnlyList<TipRewardRow>> ListAsync(CancellationToken ct, bool awaitingPayment = false)
    {
        var rows = await (from r in db.TipRewards
                          join t in db.Tips on r.TipId equals t.Id
                          where !awaitingPayment || r.State == RewardState.Claimed || (t.Named && r.State == RewardState.Approved)
                          orderby r.ProposedAt descending
                          select new { r, t.Named }).Take(500).ToListAsync(ct);
        return rows.Select(x => Row(x.r, x.Named)).ToList();
    }

    public async Task<TipRewardRow> DecideAsync(Guid id, bool approve, string? note, int version, CancellationToken ct)
    {
        if (actor.Role != Role.EnforcementLead) throw Refusal.Forbidden("TIP-NOT-COMMITTEE");
        var (reward, tip) = await FindAsync(id, version, ct);
        reward.Decide(approve, note ?? "", actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Row(reward, tip.Named);
    }

    public async Task<TipRewardRow> PayAsync(Guid id, string? voucher, RewardPayee given, int version, CancellationToken ct)
    {
        if (actor.Role != Role.CityOffice) throw Refusal.Forbidden("TIP-NOT-REWARD-OFFICER");
        var (reward, tip) = await FindAsync(id, version, ct);
        var key = vault.OpenAsOffice(tip);
        var report = TipReport.Open(key, tip);
        var payee = tip.Named ? new RewardPayee(report.ReporterName, given.IdNumber, report.ReporterPhone) : given;
        if (string.IsNullOrWhiteSpace(payee.Name) || string.IsNullOrWhiteSpace(payee.Phone)) throw Refusal.Invalid("TIP-PAYEE-REQUIRED");
        var phone = new string(payee.Phone.Where(char.IsAsciiDigit).ToArray());
        if (await IsRegulatorStaffAsync(phone, ct)) throw Refusal.Forbidden("TIP-REWARD-STAFF");
        reward.Pay(tip.Named, voucher ?? "", TipVault.Seal(key, tip.Id, "payee", JsonSerializer.Serialize(payee with { Phone = phone })), actor.Name, clock.GetUtcNow());
        tip.MarkRewarded();
        db.AddAuditEntry(PayeeAction, nameof(TipReward), id.ToString(), JsonSerializer.Serialize(new { anonymous = !tip.Named, voucher = reward.Voucher }));
        await db.SaveChangesAsync(ct);
        return Row(reward, tip.Named);
    }

    /// <summary>Any account of a regulator (offices, authorities, police, market regulation, cyberspace, enforcement) with this phone.</summary>
    private async Task<bool> IsRegulatorStaffAsync(string phone, CancellationToken ct)
    {
        if (phone.Length == 0) return false;
        string[] regulators = [Role.ProvinceOffice.Id, Role.CityOffice.Id, Role.IssuingAuthority.Id, Role.Police.Id, Role.MarketRegulation.Id,
            Role.Cyberspace.Id, Role.Inspector.Id, Role.EnforcementLead.Id];
        return await db.Users.AnyAsync(a => a.PhoneNumber == phone && regulators.Contains(a.RoleId), ct);
    }

    private async Task<(TipReward Reward, Tip Tip)> FindAsync(Guid id, int version, CancellationToken ct)
    {
        var reward = await db.TipRewards.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw Refusal.NotFound("TIP-REWARD-NOT-FOUND");
        if (reward.Version != version) throw Refusal.Conflict("TIP-STALE");
        var tip = await db.Tips.IgnoreQueryFilters().SingleAsync(t => t.Id == reward.TipId, ct);
        return (reward, tip);
    }

    private static TipRewardRow Row(TipReward r, bool named) =>
        new(r.Id, r.TipId, r.CaseId, r.RegionCode, r.FineYuan, r.Amount, r.RuleKey, r.Basis, r.State, named, r.ProposedAt, r.DecidedBy, r.DecisionNote, r.PaidAt, r.Voucher, r.Version);
}
