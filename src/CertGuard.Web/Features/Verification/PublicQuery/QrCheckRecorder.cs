using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Time;
using CertGuard.Core.Verification;
using CertGuard.Data.Verification;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>
/// Logs a QR check made on the server (POST /api/v1/verify/qr): the registry certificate when the code's claims name
/// one, and an outcome from its state when the code was genuine or stopped only by its status; QrRejected otherwise.
/// </summary>
public sealed class QrCheckRecorder(ICertificateLookup lookup, VerificationLog log, TimeProvider clock, CertificateRules rules)
{
    private static readonly HashSet<string> StoppedByStatus = ["CG1-REVOKED", "CG1-REGISTRY-NOT-VALID"];

    public async Task RecordAsync(VerificationResult result, HttpContext http, CancellationToken ct)
    {
        PublicCertificateRow? row = null;
        if (result.Claims is { } claims)
        {
            // Claims exist only past the signature check: a forged code cannot point the log at a real certificate.
            // The public query's lookup (on PostgreSQL its prepared statement): the number's rows, then the code's item.
            var started = Credentials.QrStageProfile.Start();
            row = (await lookup.FindAsync(claims.Number, ct)).FirstOrDefault(r => r.ItemCode == claims.Item);
            Credentials.QrStageProfile.Add(Credentials.QrStageProfile.Stage.LogLookup, started);
        }
        await RecordAsync(result, row, http, ct);
    }

    /// <summary>With the code's certificate already read by the check (null: none, or no claims): no second lookup.</summary>
    public async Task RecordAsync(VerificationResult result, PublicCertificateRow? row, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var state = row?.StateOn(ChinaTime.DateOf(now), rules);
        var outcome = (result.Valid || StoppedByStatus.Contains(result.Code)) && state is { } s ? PublicQueryService.Outcome(s)
            : result.Valid ? VerificationOutcome.Valid
            : result.Code == "CG1-EXPIRED" ? VerificationOutcome.Expired
            : VerificationOutcome.QrRejected;
        var queued = Credentials.QrStageProfile.Start();
        await log.RecordAsync(PublicQueryService.Record(now, outcome, result.Claims?.Number, http, row, VerificationChannel.QrCheck, result.Claims?.Item), ct);
        Credentials.QrStageProfile.Add(Credentials.QrStageProfile.Stage.LogQueue, queued);
    }
}
