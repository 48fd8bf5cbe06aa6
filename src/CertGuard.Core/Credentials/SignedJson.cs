using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertGuard.Core.Credentials;

/// <summary>
/// A JSON document signed as a flattened JWS (RFC 7515) with ES256: what the trust list and the status lists are
/// published as, so any verifier — a browser's WebCrypto included — checks them against the pinned root key. The
/// header's kid is the root key's kid in lowercase hex, the one form used in every JSON document (docs/cg1-format.md).
/// </summary>
public static class SignedJson
{
    public sealed record Envelope(
        [property: JsonPropertyName("protected")] string Protected,
        [property: JsonPropertyName("payload")] string Payload,
        [property: JsonPropertyName("signature")] string Signature);

    private sealed record Header([property: JsonPropertyName("alg")] string Alg, [property: JsonPropertyName("kid")] string Kid);

    public static string Sign<T>(T document, SigningKey root)
    {
        if (root.Algorithm != CoseAlgorithm.ES256) throw new ArgumentException("The root key signs with ES256, which every verifier has.", nameof(root));
        var header = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(new Header("ES256", Convert.ToHexStringLower(root.Kid))));
        var payload = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(document, Options));
        var signature = Base64Url.Encode(root.Sign(Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return JsonSerializer.Serialize(new Envelope(header, payload, signature), Options);
    }

    /// <summary>The document when the envelope is well-formed and signed by <paramref name="root"/>; otherwise null.</summary>
    public static T? TryVerify<T>(string envelopeJson, VerificationKey root) where T : class
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(envelopeJson, Options);
            if (envelope is null) return null;
            var header = JsonSerializer.Deserialize<Header>(Base64Url.TryDecode(envelope.Protected) ?? []);
            var signature = Base64Url.TryDecode(envelope.Signature);
            var payload = Base64Url.TryDecode(envelope.Payload);
            if (header?.Alg != "ES256" || signature is null || payload is null || root.Algorithm != CoseAlgorithm.ES256) return null;
            if (!root.Verify(Encoding.ASCII.GetBytes($"{envelope.Protected}.{envelope.Payload}"), signature)) return null;
            return JsonSerializer.Deserialize<T>(payload, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
