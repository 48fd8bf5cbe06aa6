using CertGuard.Core.Credentials;
using CertGuard.Data.Credentials;
using CertGuard.Web.Features.Verification.PublicQuery;

namespace CertGuard.Web.Features.Credentials;

/// <summary>
/// One QR check on the server (<c>POST /api/v1/verify/qr</c>): the verdict, and the registry row of the code's
/// certificate for the log when the checker read it already (<see cref="RowRead"/>; otherwise the recorder looks it up).
/// </summary>
public sealed record QrCheck(VerificationResult Result, PublicCertificateRow? Row, bool RowRead);

public interface IQrChecker
{
    Task<QrCheck> CheckAsync(string? text, CancellationToken ct);
}

/// <summary>The check through EF Core (<see cref="OnlineVerifier"/>): SQLite's path, and PostgreSQL's with <c>Credentials:VerifyQr:UseEfCore</c>.</summary>
public sealed class EfQrChecker(OnlineVerifier verifier) : IQrChecker
{
    public async Task<QrCheck> CheckAsync(string? text, CancellationToken ct) => new(await verifier.VerifyAsync(text, ct), null, false);
}
