using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Holders;
using CertGuard.Data;
using CertGuard.Data.Credentials;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Credentials;

/// <summary>
/// Verification on the server: the trust list and status lists from the database, then the registry itself — the
/// registry knows a revocation the moment it is recorded, before any cached status list does. A genuine code of a
/// card that is no longer the current one (re-issued, replaced, renewed, or the holder's data changed) answers
/// <c>CG1-REGISTRY-SUPERSEDED</c>, even where the status list alone would say revoked (its old place is retired).
/// </summary>
public sealed class OnlineVerifier(CertGuardDbContext db, KeyRing keys, VerifierCache cache, TimeProvider clock)
{
    public async Task<VerificationResult> VerifyAsync(string? text, CancellationToken ct)
    {
        var started = QrStageProfile.Start();
        var trust = cache.Resolver(await keys.TrustListAsync(ct));
        QrStageProfile.Add(QrStageProfile.Stage.Keys, started);
        started = QrStageProfile.Start();
        var lists = await cache.StatusListsAsync(db, ct);
        QrStageProfile.Add(QrStageProfile.Stage.StatusLists, started);
        started = QrStageProfile.Start();
        var result = Cg1Codec.Verify(text, trust, clock.GetUtcNow(),
            (id, index) => lists.TryGetValue(id, out var list) ? (list[index] ? StatusOutcome.Revoked : StatusOutcome.Good) : StatusOutcome.Unavailable);
        QrStageProfile.Add(QrStageProfile.Stage.Signature, started);
        // Claims exist only past the signature check; a revoked bit may be the retired place of a superseded card.
        if (result.Claims is not { } claims || !NeedsRegistry(result)) return result;

        // The public check reads every certificate, whatever (if any) account asks.
        started = QrStageProfile.Start();
        var record = await db.Certificates.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(c => c.Number == claims.Number && c.ItemCode == claims.Item, ct);
        QrStageProfile.Add(QrStageProfile.Stage.Registry, started);
        return RegistryStage(result, claims, record is null ? null : (CredentialIssuer.IsCurrent(claims, record), record.Status));
    }

    /// <summary>Whether the registry stage runs: past the signature, and valid or stopped only by its status bit.</summary>
    public static bool NeedsRegistry(VerificationResult result) => result.Claims is not null && (result.Valid || result.Code == "CG1-REVOKED");

    /// <summary>
    /// The registry stage on what the registry holds of the code's certificate (null: no such certificate): whether the
    /// code is its current card, and its status. Shared by both verifiers so they answer alike.
    /// </summary>
    public static VerificationResult RegistryStage(VerificationResult result, Cg1Claims claims, (bool Current, CertificateStatus Status)? record)
    {
        if (!NeedsRegistry(result)) return result;
        if (record is not { } r)
            return !result.Valid ? result : VerificationResult.Fail(VerificationStage.Registry, "CG1-REGISTRY-MISSING", "签名有效，但登记库中没有这本证书，请联系发证机关。", claims);
        if (!r.Current)
            return VerificationResult.Fail(VerificationStage.Registry, "CG1-REGISTRY-SUPERSEDED", "二维码与登记库中的现行证书不一致（已换发或信息已变更），请以登记库为准。", claims);
        if (!result.Valid) return result;
        if (r.Status != CertificateStatus.Active)
            return VerificationResult.Fail(VerificationStage.Registry, "CG1-REGISTRY-NOT-VALID", "登记库显示该证书已撤销、注销或失效。", claims);
        return result;
    }
}
