using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Data.Accounts;
using CertGuard.Data.Tips;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Tips;

/// <summary>
/// The reward officer's queue (奖励发放): rewards awaiting payment (claimed by an anonymous reporter, or approved for a
/// named one), and all rewards on request. It shows the amount, its basis and the state, never the tip's content; the
/// payee identifies here, to the reward officer alone, and the payment is audited (<see cref="TipRewardDesk.PayeeAction"/>).
/// </summary>
[Authorize(Policy = TipsAccess.RewardPolicy)]
public sealed class RewardsModel(TipRewardDesk rewards, IActor actor) : PageModel, IShowsRefusals
{
    public IReadOnlyList<TipRewardRow> Rewards { get; private set; } = [];
    public string? Error { get; private set; }
    public string? ErrorCode { get; private set; }
    public string? Notice { get; private set; }

    /// <summary>All rewards instead of those awaiting payment.</summary>
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty] public Guid RewardId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public bool Approve { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Voucher { get; set; }
    [BindProperty] public string? PayeeName { get; set; }
    [BindProperty] public string? PayeeIdNumber { get; set; }
    [BindProperty] public string? PayeePhone { get; set; }

    public bool IsRewardOfficer => actor.Role == Role.CityOffice;
    public bool IsCommittee => actor.Role == Role.EnforcementLead;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Rewards = await rewards.ListAsync(ct, awaitingPayment: !All);
    }

    public async Task<IActionResult> OnPostPayAsync(CancellationToken ct)
    {
        await rewards.PayAsync(RewardId, Voucher, new RewardPayee(PayeeName, PayeeIdNumber, PayeePhone), Version, ct);
        return RedirectToPage(new { all = All });
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        await rewards.DecideAsync(RewardId, Approve, Text, Version, ct);
        return RedirectToPage(new { all = All });
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        Rewards = await rewards.ListAsync(ct, awaitingPayment: !All);
        return Page();
    }
}
