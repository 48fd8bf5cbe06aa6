using System.Text;
using System.Text.Json;
using CertGuard.Core.Credentials;

namespace CertGuard.Core.Tests.Credentials;

/// <summary>
/// ES256 signatures are made low-S (s ≤ n/2), so verifiers that insist on it accept every code and document; the
/// platform's own verifier still accepts the other form, which codes printed before may carry.
/// </summary>
public sealed class LowSTests
{
    private static readonly Cg1Claims Claims = new("440100", DateTimeOffset.FromUnixTimeSeconds(1_795_000_000), DateTimeOffset.FromUnixTimeSeconds(1_900_000_000),
        "11010519491231002X", "张三", "M", "11010519491231002X", "1", "1.1", new DateOnly(2023, 1, 10), new DateOnly(2023, 1, 10),
        new DateOnly(2029, 1, 9), new DateOnly(2026, 1, 10), "440100", "440100-1", 4711);

    [Fact]
    public void Every_es256_signature_made_is_low_s_and_verifies()
    {
        using var key = SigningKey.Generate(CoseAlgorithm.ES256);
        var verifier = key.ToVerificationKey();
        // Half of raw ECDSA signatures are high-S: 200 signatures without normalising would hold about 100.
        for (var i = 0; i < 200; i++)
        {
            var data = Encoding.UTF8.GetBytes($"message {i}");
            var signature = key.Sign(data);
            Assert.True(LowS.IsLow(signature), $"signature {i} is high-S");
            Assert.True(verifier.Verify(data, signature));
        }
    }

    [Fact]
    public void Qr_codes_and_signed_documents_carry_low_s_signatures()
    {
        using var key = SigningKey.Generate(CoseAlgorithm.ES256);
        for (var i = 0; i < 64; i++)
        {
            var text = Cg1Codec.Encode(Claims with { StatusIndex = i }, key);
            var cose = CoseOf(text);
            Assert.True(LowS.IsLow(cose.Signature), $"QR {i} is high-S");

            var envelope = JsonSerializer.Deserialize<SignedJson.Envelope>(SignedJson.Sign(new { i }, key), SignedJson.Options)!;
            Assert.True(LowS.IsLow(Base64Url.TryDecode(envelope.Signature)!), $"document {i} is high-S");
        }
    }

    [Fact]
    public void A_high_s_signature_still_verifies_and_normalising_gives_back_the_low_one()
    {
        using var key = SigningKey.Generate(CoseAlgorithm.ES256);
        var data = "CG1"u8.ToArray();
        var low = key.Sign(data);
        var high = LowS.Flip(low);

        Assert.False(LowS.IsLow(high));
        Assert.True(key.ToVerificationKey().Verify(data, high));
        Assert.Equal(low, LowS.Normalize(high));
    }

    [Fact]
    public void Signed_documents_name_the_root_kid_in_lowercase_hex_as_the_trust_list_does()
    {
        using var key = SigningKey.Generate(CoseAlgorithm.ES256);
        var envelope = JsonSerializer.Deserialize<SignedJson.Envelope>(SignedJson.Sign(new { a = 1 }, key), SignedJson.Options)!;
        using var header = JsonDocument.Parse(Base64Url.TryDecode(envelope.Protected)!);

        Assert.Equal(Convert.ToHexStringLower(key.Kid), header.RootElement.GetProperty("kid").GetString());
    }

    private static CoseSign1 CoseOf(string text)
    {
        var compressed = Base45.TryDecode(text.AsSpan(4))!;
        using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return CoseSign1.TryDecode(output.ToArray())!;
    }
}
