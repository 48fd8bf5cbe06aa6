using System.IO.Compression;

namespace CertGuard.Core.Credentials;

/// <summary>
/// The CG1 signed credential: <c>"CG1:" + Base45(zlib(COSE_Sign1(CBOR claims)))</c>. Encoding signs; verification
/// runs the stages of DESIGN.md §5 in order and stops at the first failure. It never throws on bad input.
/// </summary>
public static class Cg1Codec
{
    /// <summary>A version-40 QR holds 4,296 alphanumeric characters; anything longer is not a QR text.</summary>
    public const int MaxTextLength = 4296;

    /// <summary>Inflating stops here: a certificate is a few hundred bytes; a zlib bomb is refused, not expanded.</summary>
    public const int MaxInflatedBytes = 16 * 1024;

    public static string Encode(Cg1Claims claims, SigningKey key)
    {
        var cose = CoseSign1.Sign(key, claims.ToCbor());
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(cose);
        return CredentialProfile.Cg1.Prefix + Base45.Encode(output.ToArray());
    }

    /// <param name="findKey">The trust list: the key of a kid, or null when the kid is not trusted.</param>
    /// <param name="at">The instant to verify at (now, or <c>--at</c>); null skips the dates stage (vectors that make no date claim).</param>
    /// <param name="status">The status list check, or null to stop after the dates (e.g. interoperability vectors).</param>
    public static VerificationResult Verify(
        string? text,
        Func<byte[], VerificationKey?> findKey,
        DateTimeOffset? at,
        Func<string, int, StatusOutcome>? status = null,
        CredentialProfile? profile = null)
    {
        profile ??= CredentialProfile.Cg1;
        if (string.IsNullOrWhiteSpace(text)) return VerificationResult.Fail(VerificationStage.Input, "CG1-EMPTY", "没有读到二维码内容。");
        if (text.Length > MaxTextLength) return VerificationResult.Fail(VerificationStage.Input, "CG1-TOO-LONG", "二维码内容过长，不是有效的证书二维码。");
        text = text.Trim();

        if (!text.StartsWith(profile.Prefix, StringComparison.Ordinal))
            return VerificationResult.Fail(VerificationStage.Prefix, "CG1-PREFIX", $"不是本平台签发的证书二维码（内容不以 {profile.Prefix} 开头）。");

        var compressed = Base45.TryDecode(text.AsSpan(profile.Prefix.Length));
        if (compressed is null) return VerificationResult.Fail(VerificationStage.Base45, "CG1-BASE45", "二维码内容已损坏：Base45 解码失败。");

        var (inflated, bomb) = Inflate(compressed);
        if (bomb) return VerificationResult.Fail(VerificationStage.Zlib, "CG1-ZLIB-LIMIT", $"二维码内容解压后超过 {MaxInflatedBytes} 字节，已拒绝。");
        if (inflated is null) return VerificationResult.Fail(VerificationStage.Zlib, "CG1-ZLIB", "二维码内容已损坏：解压失败。");

        var message = CoseSign1.TryDecode(inflated);
        if (message is null) return VerificationResult.Fail(VerificationStage.Cose, "CG1-COSE", "签名结构（COSE_Sign1）无效。");
        if (message.Algorithm is not { } alg || !Enum.IsDefined((CoseAlgorithm)alg))
            return VerificationResult.Fail(VerificationStage.Cose, "CG1-ALG-UNSUPPORTED", "签名算法不受支持。", detail: message.Algorithm?.ToString());
        if (message.Kid is not { Length: > 0 } kid) return VerificationResult.Fail(VerificationStage.Cose, "CG1-KID-MISSING", "签名中没有密钥标识（kid）。");

        var key = findKey(kid);
        if (key is null)
            return VerificationResult.Fail(VerificationStage.Kid, "CG1-KID-UNKNOWN", "签发密钥不在信任列表中：二维码可能是伪造的。", detail: Convert.ToHexStringLower(kid));
        if (key.Algorithm != (CoseAlgorithm)alg)
            return VerificationResult.Fail(VerificationStage.Kid, "CG1-ALG-MISMATCH", "签名算法与信任列表中该密钥的算法不符。");

        if (!key.Verify(message.ToBeSigned(), message.Signature))
            return VerificationResult.Fail(VerificationStage.Signature, "CG1-SIG-INVALID", "签名无效：二维码内容被篡改或为伪造。");

        var claims = profile.ReadClaims(message.Payload);
        if (claims.Problem is not null)
            return VerificationResult.Fail(VerificationStage.Claims, "CG1-CLAIMS", "证书数据不符合规范。", detail: claims.Problem);

        if (at is { } now && claims.IssuedAt is { } iat && now < iat)
            return VerificationResult.Fail(VerificationStage.Dates, "CG1-NOT-YET-VALID", "二维码的签发时间晚于核验时间。", claims.Cg1);
        if (at is { } when && claims.ExpiresAt is { } exp && when > exp)
            return VerificationResult.Fail(VerificationStage.Dates, "CG1-EXPIRED", "证书已超过有效期。", claims.Cg1);

        var passed = new VerificationResult(true, VerificationStage.Complete, "CG1-VALID", "签名有效，证书真实。", claims.Cg1);
        return status is not null && claims.Cg1 is { } cg1 ? WithStatus(passed, status(cg1.StatusListId, cg1.StatusIndex)) : passed;
    }

    /// <summary>
    /// The last stage on its own: a code that passed every other stage, with its status list's answer. A verifier that
    /// learns the status later (the server reads the bit in the same round trip as the registry row) ends here, with the
    /// same codes and messages as <see cref="Verify"/>.
    /// </summary>
    public static VerificationResult WithStatus(VerificationResult passed, StatusOutcome outcome) => outcome switch
    {
        _ when !passed.Valid => passed,
        StatusOutcome.Revoked => VerificationResult.Fail(VerificationStage.Status, "CG1-REVOKED", "证书已被撤销、注销或暂停使用。", passed.Claims),
        StatusOutcome.Unavailable => VerificationResult.Fail(VerificationStage.Status, "CG1-STATUS-UNAVAILABLE", "暂时无法取得证书状态列表，不能确认证书未被撤销。", passed.Claims),
        _ => passed,
    };

    /// <summary>Inflates at most <see cref="MaxInflatedBytes"/>; (null, true) when the payload is larger.</summary>
    private static (byte[]? Bytes, bool TooLarge) Inflate(byte[] compressed)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var buffer = new byte[MaxInflatedBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = zlib.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            if (total > MaxInflatedBytes) return (null, true);
            return total == 0 ? (null, false) : (buffer[..total], false);
        }
        // InvalidDataException for most corrupt streams; ZLibException (an IOException) for some (found by fuzzing).
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (null, false);
        }
    }
}
