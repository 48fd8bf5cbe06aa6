using CertGuard.Core;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.ReferenceData;
using CertGuard.Web.Features.Registry.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Enforcement.Cases;

/// <summary>
/// The issuing authority's side of a case's revocation request (撤销建议): it sees the requests for its city's
/// certificates and approves them — the registry's own revocation runs, with its 3-year bar for fraud, in the same
/// save — or declines with a reason. The case shows the outcome.
/// </summary>
public sealed class RevocationDesk(CertGuardDbContext db, CertificateLifecycle lifecycle, ReferenceDataProvider reference, TimeProvider clock, IActor actor)
{
    public const string Policy = "revocation-requests";

    public async Task<IReadOnlyList<CertificateRevocationRequest>> ListAsync(CancellationToken ct)
    {
        var officer = LifecycleOfficer.Require(actor);
        return await db.RevocationRequests.AsNoTracking().Where(r => r.RegionCode == officer.CityCode)
            .OrderBy(r => r.Status).ThenByDescending(r => r.RequestedAt).Take(200).ToListAsync(ct);
    }

    public async Task<CertificateRevocationRequest> ApproveAsync(Guid id, int version, CancellationToken ct)
    {
        var officer = LifecycleOfficer.Require(actor);
        var request = await LoadAsync(id, version, officer, ct);
        var certificateVersion = await db.Certificates.AsNoTracking().Where(c => c.Id == request.CertificateId).Select(c => (int?)c.Version).SingleOrDefaultAsync(ct)
            ?? throw Refusal.NotFound("REVOCATION-REQUEST-NOT-FOUND");
        var today = ChinaTime.Today(clock);
        var note = $"行政案件撤销建议（{request.Ground}）{request.Note}";
        var revoked = await lifecycle.ChangeAsync(request.CertificateId, certificateVersion, c =>
        {
            c.Revoke(request.Reason, today, officer.Name, reference.RulesOn(today), clock, note.Length > 500 ? note[..500] : note);
            request.Approve(officer.Name, clock.GetUtcNow());
        }, ct);
        if (revoked is null) throw Refusal.NotFound("REVOCATION-REQUEST-NOT-FOUND");
        return request;
    }

    public async Task<CertificateRevocationRequest> DeclineAsync(Guid id, int version, string? reason, CancellationToken ct)
    {
        var officer = LifecycleOfficer.Require(actor);
        var request = await LoadAsync(id, version, officer, ct);
        request.Decline(reason ?? "", officer.Name, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Refusal.Conflict("CASE-STALE");
        }
        return request;
    }

    private async Task<CertificateRevocationRequest> LoadAsync(Guid id, int version, LifecycleOfficer officer, CancellationToken ct)
    {
        var request = await db.RevocationRequests.SingleOrDefaultAsync(r => r.Id == id && r.RegionCode == officer.CityCode, ct)
            ?? throw Refusal.NotFound("REVOCATION-REQUEST-NOT-FOUND");
        if (request.Version != version) throw Refusal.Conflict("CASE-STALE");
        return request;
    }
}
