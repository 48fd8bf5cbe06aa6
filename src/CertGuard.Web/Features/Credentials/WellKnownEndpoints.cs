using CertGuard.Core.Credentials;
using CertGuard.Data;
using CertGuard.Data.Credentials;
using CertGuard.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CertGuard.Web.Features.Credentials;

/// <summary>
/// The static, signed files any verifier (and any CDN) uses: the trust list, the status lists, and the root key to
/// pin. Each carries an ETag, so a verifier re-downloads only what changed.
/// </summary>
public static class WellKnownEndpoints
{
    public sealed record RootKeyResponse(string Kid, string Alg, string SubjectPublicKeyInfo);

    public static IEndpointRouteBuilder MapWellKnownCredentials(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/.well-known/certguard").WithTags("凭证 Credentials").AllowAnonymous();
        group.MapGet("/trust-list.json", async (HttpContext http, KeyRing keys, CancellationToken ct) =>
        {
            var list = await keys.TrustListAsync(ct);
            using var root = await keys.RootKeyAsync(ct);
            return Signed(http, $"\"tl-{list.Version}-{Convert.ToHexStringLower(root.Kid)}\"", TimeSpan.FromMinutes(5), () => SignedJson.Sign(list, root));
        }).WithSummary("信任列表：各发证机关的签名公钥，由省级根密钥签名（JWS）");
        group.MapGet("/status/{id}", async (string id, HttpContext http, [FromKeyedServices(ReadOnlyDb.Key)] CertGuardDbContext db, KeyRing keys, CancellationToken ct) =>
        {
            var list = await db.StatusLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
            if (list is null) return Results.Problem(statusCode: 404, title: "没有这个状态列表。", extensions: new Dictionary<string, object?> { ["code"] = "STATUS-LIST-NOT-FOUND" });
            using var root = await keys.RootKeyAsync(ct);
            return Signed(http, $"\"sl-{list.Id}-{list.Version}-{Convert.ToHexStringLower(root.Kid)}\"", TimeSpan.FromMinutes(1), () => SignedJson.Sign(list.ToDocument(), root));
        }).WithSummary("撤销状态列表（131072 位，gzip + base64url），由省级根密钥签名（JWS）");
        group.MapGet("/root-key.json", async (KeyRing keys, CancellationToken ct) =>
        {
            using var root = await keys.RootKeyAsync(ct);
            return TypedResults.Ok(new RootKeyResponse(Convert.ToHexStringLower(root.Kid), "ES256", Convert.ToBase64String(root.SubjectPublicKeyInfo)));
        }).WithSummary("省级根公钥（核验端应另行固定保存，不要只信任在线获取的副本）");
        return app;
    }

    private static IResult Signed(HttpContext http, string etag, TimeSpan maxAge, Func<string> sign)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        if (http.Request.Headers.IfNoneMatch.Any(v => v == etag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Text(sign(), "application/json", System.Text.Encoding.UTF8);
    }
}
