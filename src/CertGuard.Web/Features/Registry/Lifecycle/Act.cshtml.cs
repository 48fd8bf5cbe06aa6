using CertGuard.Core;
using CertGuard.Core.Certificates;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Registry.Lifecycle;

/// <summary>
/// The action forms of the certificate page post here (the handler is the last segment of the path). Success and
/// refusal both redirect back to the certificate page, which shows the outcome next to the form (post-redirect-get).
/// </summary>
[Authorize(Policy = LifecycleOfficer.Policy)]
public sealed class ActModel(CertificateLifecycle lifecycle) : PageModel, IShowsRefusals
{
    private (Guid Id, string Form) _running;

    public IActionResult OnGet(Guid id) => Redirect(CertificatePage(id));

    /// <summary>A post to an action that does not exist: without it the (empty) page would be rendered.</summary>
    public IActionResult OnPost() => NotFound();

    public Task<IActionResult> OnPostReviewAsync(Guid id, ReviewRequest request, CancellationToken ct) =>
        RunAsync(id, "review", o => lifecycle.ReviewAsync(id, request, o, ct));

    public Task<IActionResult> OnPostRenewalAsync(Guid id, RenewalRequest request, CancellationToken ct) =>
        RunAsync(id, "renewal", o => lifecycle.RenewAsync(id, request, o, ct));

    public Task<IActionResult> OnPostExtendedIntervalAsync(Guid id, ExtendedIntervalRequest request, CancellationToken ct) =>
        RunAsync(id, "extendedinterval", o => lifecycle.GrantExtendedIntervalAsync(id, request, o, ct));

    public Task<IActionResult> OnPostRevocationAsync(Guid id, RevocationRequest request, CancellationToken ct) =>
        RunAsync(id, "revocation", o => lifecycle.RevokeAsync(id, request, o, ct));

    public Task<IActionResult> OnPostCancellationAsync(Guid id, CancellationRequest request, CancellationToken ct) =>
        RunAsync(id, "cancellation", o => lifecycle.CancelAsync(id, request, o, ct));

    public Task<IActionResult> OnPostReissueAsync(Guid id, ReissueRequest request, CancellationToken ct) =>
        RunAsync(id, "reissue", o => lifecycle.ReissueAsync(id, request, o, ct));

    public Task<IActionResult> OnPostReplacementAsync(Guid id, ReplacementRequest request, CancellationToken ct) =>
        RunAsync(id, "replacement", o => lifecycle.ReplaceAsync(id, request, o, ct));

    private async Task<IActionResult> RunAsync(Guid id, string form, Func<LifecycleOfficer, Task<Certificate?>> action)
    {
        _running = (id, form);
        // Another city's certificate is not found, as on the certificate page itself.
        if (await action(LifecycleOfficer.Require(User)) is null) return NotFound();
        TempData[LifecycleMessages.Done] = form;
        return Redirect(CertificatePage(id));
    }

    /// <summary>A refusal goes back to the certificate page too, next to the refused form, with its status.</summary>
    public Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        TempData[LifecycleMessages.Form] = _running.Form;
        TempData[LifecycleMessages.Error] = refusal.Message;
        TempData[LifecycleMessages.ErrorCode] = refusal.Code;
        TempData[LifecycleMessages.Status] = RefusalStatus.Of(refusal);
        return Task.FromResult<IActionResult>(Redirect(CertificatePage(_running.Id) + "#lifecycle-" + _running.Form));
    }

    private static string CertificatePage(Guid id) => $"/registry/certificate/{id}";
}
