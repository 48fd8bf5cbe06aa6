using CertGuard.Core.Enforcement;
using CertGuard.Core.Time;
using CertGuard.Core.Tips;
using CertGuard.Data.Enforcement;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Tips;

/// <summary>
/// When a case opened from a tip's lead is decided with a fine or a criminal filing, the tip is substantiated and a
/// reward is proposed from the rule in force on the decision's day, for the reward committee. Adds to the cases
/// module's unit of work; saves nothing itself.
/// </summary>
public sealed class TipRewardListener(TipLeadFollower follower) : ICaseDecisionListener
{
    public async Task OnDecidedAsync(CertGuardDbContext db, CaseDecided decision, CancellationToken ct)
    {
        var tipIds = await db.InspectionLeads.IgnoreQueryFilters()
            .Where(l => decision.LeadIds.Contains(l.Id) && l.Source == LeadSources.Tip && l.SourceId != null)
            .Select(l => l.SourceId!.Value).ToListAsync(ct);
        if (tipIds.Count == 0) return;
        var tips = await db.Tips.IgnoreQueryFilters().Where(t => tipIds.Contains(t.Id)).OrderBy(t => t.ReceivedAt).ToListAsync(ct);
        var rewarded = decision.FineYuan > 0 || decision.CriminalFiling;
        foreach (var tip in tips) follower.Conclude(tip, rewarded);
        if (!rewarded || tips.Count == 0) return;
        // One reward per case: the first real-name reporter is paid, else the first reporter (who may claim with the receipt).
        var first = tips.FirstOrDefault(t => t.Named) ?? tips[0];
        if (await db.TipRewards.IgnoreQueryFilters().AnyAsync(r => r.CaseId == decision.CaseId, ct)) return;
        var rule = RewardRules.On(ChinaTime.DateOf(decision.DecidedAt));
        var (amount, basis) = rule.ForDecision(decision.FineYuan, decision.CriminalFiling);
        db.TipRewards.Add(new TipReward(first.Id, decision.CaseId, first.RegionCode, decision.FineYuan, amount, rule.Key, basis, decision.DecidedAt));
    }
}
