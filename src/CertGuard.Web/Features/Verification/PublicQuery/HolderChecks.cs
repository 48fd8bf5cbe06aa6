using CertGuard.Data;
using CertGuard.Web.Features.Credentials;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>
/// "Who checked my certificate", for the holder (POST /api/v1/public/checks, page /query/checks). The key is the signed
/// QR code of the holder's own current certificate, not the number and name: those are on every employer's roster and
/// in every query, while the code is on the card (or the holder's electronic copy), and a forger cannot make one. The
/// answer names employers and institutions, nothing about members of the public or officials beyond that they were.
/// </summary>
public static class HolderChecks
{
    public sealed record Request(string? Text);

    public static async Task<Results<Ok<HolderChecksAnswer>, ProblemHttpResult>> AnswerAsync(
        Request request, OnlineVerifier verifier, CertificateChecks checks, CertGuardDbContext db, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var result = await verifier.VerifyAsync(request.Text, ct);
        // Claims are read only past the signature check: a made-up code opens nothing.
        if (result.Claims is not { } claims)
            return Problems.BadRequest("PUBLIC-CHECKS-QR-INVALID", "二维码未通过核验，不能查看查验记录。", result.Message);
        // A replaced or reissued card's old code (lost, or handed on) does not open the current certificate's record.
        if (result.Code == "CG1-REGISTRY-SUPERSEDED")
            return Problems.BadRequest("PUBLIC-CHECKS-QR-SUPERSEDED", "这是已换发或已变更证书的旧二维码，请使用现行证书上的二维码。");
        var certificate = await DatabaseCertificateLookup.OfCodeAsync(db, claims, ct);
        if (certificate is null)
            return Problems.BadRequest("PUBLIC-CHECKS-QR-UNREGISTERED", "登记库中没有这本证书，请联系发证机关。");
        var entries = await checks.ForAsync([certificate.Id], CertificateChecks.HolderLimit, ct);
        return TypedResults.Ok(checks.ForHolder(certificate, entries));
    }
}
