using CertGuard.Core;
using CertGuard.Core.Certificates;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry.Lifecycle;

/// <summary>
/// <c>POST /api/v1/certificates</c> issues; <c>POST /api/v1/certificates/{id}/{action}</c> records the other actions.
/// Issuing-authority accounts only (403 for the others); another city's certificate is not found (404).
/// </summary>
public static class LifecycleApi
{
    public static IServiceCollection AddCertificateLifecycle(this IServiceCollection services)
    {
        services.AddScoped<CertificateLifecycle>();
        services.AddScoped<Act>();
        services.AddAuthorizationBuilder().AddPolicy(LifecycleOfficer.Policy, p => p
            .RequireAuthenticatedUser()
            .RequireAssertion(c => LifecycleOfficer.MayAct(c.User)));
        return services;
    }

    public static RouteGroupBuilder MapLifecycleApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/certificates").WithTags("证书办理 Lifecycle").RequireAuthorization(LifecycleOfficer.Policy);
        foreach (var status in new[] { 400, 401, 403, 404, 409, 422 }) group.ProducesProblem(status);
        group.MapPost("/", IssueAsync).WithSummary("考核合格发证（本市）；同一持证人同一项目已有有效证书、或因欺骗/虚假信息被撤销未满3年的，拒绝");
        group.MapPost("/{id:guid}/reviews", (Guid id, ReviewRequest r, [FromServices] Act act, CancellationToken ct) =>
            act.RunAsync((l, o) => l.ReviewAsync(id, r, o, ct))).WithSummary("复审合格/不合格（failureReasons）；复审期外须 outsideWindowApproved 与 note");
        group.MapPost("/{id:guid}/extended-interval", (Guid id, ExtendedIntervalRequest r, [FromServices] Act act, CancellationToken ct) =>
            act.RunAsync((l, o) => l.GrantExtendedIntervalAsync(id, r, o, ct))).WithSummary("延长复审周期（每6年复审）");
        group.MapPost("/{id:guid}/renewal", (Guid id, RenewalRequest r, [FromServices] Act act, CancellationToken ct) =>
            act.RunAsync((l, o) => l.RenewAsync(id, r, o, ct))).WithSummary("有效期届满延期换证");
        group.MapPost("/{id:guid}/revocation", (Guid id, RevocationRequest r, [FromServices] Act act, CancellationToken ct) =>
            act.RunAsync((l, o) => l.RevokeAsync(id, r, o, ct))).WithSummary("撤销（reason: RevocationReason）");
        group.MapPost("/{id:guid}/cancellation", (Guid id, CancellationRequest r, [FromServices] Act act, CancellationToken ct) =>
            act.RunAsync((l, o) => l.CancelAsync(id, r, o, ct))).WithSummary("注销（reason: CancellationReason）");
        group.MapPost("/{id:guid}/reissue", (Guid id, ReissueRequest r, [FromServices] Act act, CancellationToken ct) =>
            act.RunAsync((l, o) => l.ReissueAsync(id, r, o, ct))).WithSummary("遗失补发");
        group.MapPost("/{id:guid}/replacement", (Guid id, ReplacementRequest r, [FromServices] Act act, CancellationToken ct) =>
            act.RunAsync((l, o) => l.ReplaceAsync(id, r, o, ct))).WithSummary("损毁或信息变更更换（newHolderName 可选）");
        return api;
    }

    private static async Task<Results<Created<CertificateDetail>, ProblemHttpResult>> IssueAsync(
        IssueCertificateRequest request, [FromServices] Act act, CancellationToken ct)
    {
        // Refusals go to the API's exception handler, which answers with their kind's status.
        var certificate = await act.Lifecycle.IssueAsync(request, LifecycleOfficer.Require(act.User), ct);
        return TypedResults.Created($"/api/v1/certificates/{certificate.Id}", await act.DetailAsync(certificate, ct));
    }

    /// <summary>What every action endpoint needs, bound from the request's services.</summary>
    internal sealed class Act(CertificateLifecycle lifecycle, CertGuardDbContext db, TimeProvider clock, CertificateRules rules,
        CertificateLabels labels, IActor actor)
    {
        public CertificateLifecycle Lifecycle => lifecycle;

        /// <summary>The acting user, whose officer <see cref="LifecycleOfficer.Require(IActor)"/> finds.</summary>
        public IActor User => actor;

        public async Task<Results<Ok<CertificateDetail>, ProblemHttpResult>> RunAsync(
            Func<CertificateLifecycle, LifecycleOfficer, Task<Certificate?>> action)
        {
            var certificate = await action(lifecycle, LifecycleOfficer.Require(User));
            return certificate is null ? LifecycleProblems.NotFound() : TypedResults.Ok(await DetailAsync(certificate, CancellationToken.None));
        }

        public async Task<CertificateDetail> DetailAsync(Certificate certificate, CancellationToken ct)
        {
            var authority = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == certificate.IssuingAuthorityId, ct);
            return CertificateDetails.From(certificate, certificate.StateAt(clock, rules), authority, withFullNumber: false, labels);
        }
    }
}
