using System.Security.Cryptography;
using System.Text;
using CertGuard.Cli.Hosting;
using CertGuard.Core.Credentials;

namespace CertGuard.Cli.Credentials;

/// <summary>
/// What <c>--trust</c> accepts: our signed trust list (JSON), or one foreign key as an X.509 certificate or a
/// SubjectPublicKeyInfo, in PEM or DER. An X.509 anchor's kid follows the DCC convention (SHA-256 of the certificate).
/// </summary>
internal static class TrustSources
{
    public static Func<byte[], VerificationKey?> Load(string path, VerificationKey? root, List<string> warnings)
    {
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : throw new CliException($"找不到信任文件：{path}");
        var text = Encoding.UTF8.GetString(bytes).Trim();
        if (text.StartsWith('{'))
        {
            TrustList? list;
            if (root is not null)
            {
                list = SignedJson.TryVerify<TrustList>(text, root) ?? throw new CliException("信任列表的签名与指定的根公钥不符，已拒绝。");
            }
            else
            {
                warnings.Add("未指定 --root：信任列表的签名未校验，请确认该文件来自官方渠道。");
                list = ReadUnverified(text) ?? throw new CliException("信任列表格式不正确。");
            }
            return list.Resolver();
        }
        var key = FromPemOrDer(text, bytes) ?? throw new CliException("无法识别信任文件：应为信任列表 JSON，或 PEM/DER 格式的 X.509 证书或公钥（P-256 或 SM2）。");
        return kid => kid.AsSpan().SequenceEqual(key.Kid) ? key : null;
    }

    /// <summary>A root key to pin: PEM/DER SubjectPublicKeyInfo, or the platform's root-key.json.</summary>
    public static VerificationKey LoadRoot(string path)
    {
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : throw new CliException($"找不到根公钥文件：{path}");
        var text = Encoding.UTF8.GetString(bytes).Trim();
        if (text.StartsWith('{'))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(text);
            var spki = doc.RootElement.GetProperty("subjectPublicKeyInfo").GetString()!;
            return VerificationKey.FromSubjectPublicKeyInfo(Convert.FromBase64String(spki)) ?? throw new CliException("根公钥格式不正确。");
        }
        return FromPemOrDer(text, bytes) ?? throw new CliException("根公钥格式不正确。");
    }

    private static TrustList? ReadUnverified(string envelope)
    {
        try
        {
            var outer = System.Text.Json.JsonSerializer.Deserialize<SignedJson.Envelope>(envelope, SignedJson.Options);
            var payload = outer is null ? null : Base64Url.TryDecode(outer.Payload);
            return payload is null ? null : System.Text.Json.JsonSerializer.Deserialize<TrustList>(payload, SignedJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static VerificationKey? FromPemOrDer(string text, byte[] bytes)
    {
        byte[] der;
        string? label = null;
        if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            var pem = PemEncoding.Find(text);
            label = text[pem.Label];
            der = Convert.FromBase64String(text[pem.Base64Data]);
        }
        else
        {
            der = bytes;
        }
        return label switch
        {
            "CERTIFICATE" => VerificationKey.FromCertificate(der),
            "PUBLIC KEY" => VerificationKey.FromSubjectPublicKeyInfo(der),
            _ => VerificationKey.FromCertificate(der) ?? VerificationKey.FromSubjectPublicKeyInfo(der),
        };
    }
}
