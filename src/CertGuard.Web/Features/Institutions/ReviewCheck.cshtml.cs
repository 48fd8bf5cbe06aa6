using CertGuard.Core;
using CertGuard.Core.Certificates;
using CertGuard.Core.Time;
using CertGuard.Core.Verification;
using CertGuard.Data.Institutions;
using CertGuard.Web.Features.Registry;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Institutions;

/// <summary>/institutions/review-check: the institution enters an applicant's card at review and reads the registry's verdict.</summary>
[Authorize(Policy = InstitutionAccess.SelfPolicy)]
public sealed class ReviewCheckModel(ReviewChecker checker, TimeProvider clock, CertificateRules rules, CertificateLabels labels) : PageModel, IShowsRefusals
{
    public const int RecentShown = 50;

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? HolderName { get; set; }

    [BindProperty]
    public string? ItemCode { get; set; }

    [BindProperty]
    public string? CategoryCode { get; set; }

    [BindProperty]
    public string? FirstIssuedOn { get; set; }

    public ReviewCheckResponse? Result { get; private set; }

    /// <summary>Why the form could not be checked (a missing field …), in Chinese.</summary>
    public string? Error { get; private set; }

    public IReadOnlyList<ReviewCheckLogItem> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = new ReviewCheckForm(Number, HolderName, ItemCode, CategoryCode, FirstIssuedOn);
        if (form.TryRead(ChinaTime.Today(clock), out var input) is { } problem)
        {
            Error = (problem.ProblemDetails.Title ?? "").Trim();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        var result = await checker.CheckAsync(input, InstitutionAccess.Own(User), ct);
        Result = ReviewCheckResponse.From(result, input.Number, clock, rules, labels);
        await LoadAsync(ct, result.Logged);
        return Page();
    }

    /// <summary>A refused check (past the institution's limits): the form again with the refusal above it.</summary>
    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    /// <param name="justLogged">The check just made: the log's writer stores it a moment later, so it is listed from here.</param>
    private async Task LoadAsync(CancellationToken ct, VerificationRecord? justLogged = null)
    {
        var stored = await checker.RecentAsync(InstitutionAccess.Own(User), RecentShown, ct);
        var records = justLogged is null ? stored : [justLogged, .. stored.Where(r => r.Id != justLogged.Id).Take(RecentShown - 1)];
        Recent = records.Select(ReviewCheckLogItem.From).ToList();
    }
}
