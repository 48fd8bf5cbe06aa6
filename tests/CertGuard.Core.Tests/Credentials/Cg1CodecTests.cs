using System.Formats.Cbor;
using System.IO.Compression;
using CertGuard.Core.Credentials;

namespace CertGuard.Core.Tests.Credentials;

public sealed class Cg1CodecTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static Cg1Claims Claims() => new(
        "440100", Now.AddDays(-1), new DateTimeOffset(2029, 1, 9, 15, 59, 59, TimeSpan.Zero),
        "11010519491231002X", "张三", "M", "11010519491231002X", "1", "1.1",
        new DateOnly(2023, 1, 10), new DateOnly(2023, 1, 10), new DateOnly(2029, 1, 9), new DateOnly(2026, 1, 10),
        "440100", "gz-1", 4711);

    [Theory]
    [InlineData(CoseAlgorithm.ES256)]
    [InlineData(CoseAlgorithm.Sm2Sm3)]
    public void Signed_claims_verify_and_come_back_unchanged(CoseAlgorithm algorithm)
    {
        using var key = SigningKey.Generate(algorithm);
        var text = Cg1Codec.Encode(Claims(), key);

        var result = Cg1Codec.Verify(text, Trust(key), Now, (_, _) => StatusOutcome.Good);

        Assert.True(result.Valid, result.Message);
        Assert.Equal(VerificationStage.Complete, result.Stage);
        Assert.Equal(Claims(), result.Claims);
        Assert.StartsWith("CG1:", text, StringComparison.Ordinal);
        Assert.All(text[4..], c => Assert.Contains(c, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"));
    }

    [Theory]
    [InlineData(CoseAlgorithm.ES256)]
    [InlineData(CoseAlgorithm.Sm2Sm3)]
    public void A_changed_claim_breaks_the_signature(CoseAlgorithm algorithm)
    {
        using var key = SigningKey.Generate(algorithm);
        var forged = Claims() with { Name = "李四" };
        // A forger who re-encodes the payload cannot re-sign it: take a genuine signature and swap the payload.
        var genuine = CoseSign1.TryDecode(Inflate(Cg1Codec.Encode(Claims(), key)))!;
        var tampered = Rewrap(genuine with { Payload = forged.ToCbor() });

        var result = Cg1Codec.Verify(tampered, Trust(key), Now);

        Assert.False(result.Valid);
        Assert.Equal("CG1-SIG-INVALID", result.Code);
        Assert.Equal(VerificationStage.Signature, result.Stage);
    }

    [Fact]
    public void A_key_not_in_the_trust_list_is_refused_at_the_kid_stage()
    {
        using var key = SigningKey.Generate(CoseAlgorithm.ES256);
        using var other = SigningKey.Generate(CoseAlgorithm.ES256);
        var result = Cg1Codec.Verify(Cg1Codec.Encode(Claims(), key), Trust(other), Now);
        Assert.Equal(("CG1-KID-UNKNOWN", VerificationStage.Kid), (result.Code, result.Stage));
    }

    [Fact]
    public void Revoked_and_expired_certificates_fail_after_the_signature_with_their_claims()
    {
        using var key = SigningKey.Generate(CoseAlgorithm.ES256);
        var text = Cg1Codec.Encode(Claims(), key);

        var revoked = Cg1Codec.Verify(text, Trust(key), Now, (list, index) => list == "gz-1" && index == 4711 ? StatusOutcome.Revoked : StatusOutcome.Good);
        Assert.Equal(("CG1-REVOKED", VerificationStage.Status), (revoked.Code, revoked.Stage));
        Assert.Equal("张三", revoked.Claims?.Name);

        var expired = Cg1Codec.Verify(text, Trust(key), new DateTimeOffset(2029, 1, 9, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(("CG1-EXPIRED", VerificationStage.Dates), (expired.Code, expired.Stage));
        var lastSecond = Cg1Codec.Verify(text, Trust(key), new DateTimeOffset(2029, 1, 9, 15, 59, 59, TimeSpan.Zero));
        Assert.True(lastSecond.Valid);

        var offline = Cg1Codec.Verify(text, Trust(key), Now, (_, _) => StatusOutcome.Unavailable);
        Assert.Equal("CG1-STATUS-UNAVAILABLE", offline.Code);
    }

    [Theory]
    [InlineData(null, "CG1-EMPTY", VerificationStage.Input)]
    [InlineData("HC1:6BF+70790T9WJWG.FKY*4GO0.O1CV2 O5 N2FBBRW1*70HS8WY04AC*WIFN0AHCD8KD97TK0F90KECTHGWJC0FDC:5AIA%G7X+AQB9746HS80:54IBQF60R6$A80X6S1BTYACG6M+9XG8KIAWNA91AY%67092L4WJCT3EHS8XJC$+DXJCCWENF6OF63W5NW6WF6%JC QE/IAYJC5LEW34U3ET7DXC9 QE-ED8%E.JCBECB1A-:8$96646AL60A60S6Q$D.UDRYA 96NF6L/5QW6307KQEPD09WEQDD+Q6TW6FA7C466KCN9E%961A6DL6FA7D46JPCT3E5JDLA7$Q6E464W5TG6..DX%DZJC6/DTZ9 QE5$CB$DA/D JC1/D3Z8WED1ECW.CCWE.Y92OAGY8MY9L+9MPCG/D5 C5IA5N9$PC5$CWW5SA4BMIM%P5C2TGL5W7VV6XSNM/4EJ0/ZMQ$R3B0OAO8FY0ENTO5ILA1TKF-MKV3H0XHYUV-DT:Y5U1WVXVK9R9G9P3RY2V$.S-5O2P4CH0GTPL*GT:UYD0*$SWMV1.FJ75FJM+F0ZNVA:G7LMH1C2KGE:ET4HYAS+$SDJF5QR1-QEB44+K2VBO.P*HK6S2DGN5KD1*4HPS0TR/T9SHQ2GK2B8:7T:0SZ8JSA1", "CG1-PREFIX", VerificationStage.Prefix)]
    [InlineData("CG1:", "CG1-ZLIB", VerificationStage.Zlib)]
    [InlineData("CG1:A", "CG1-BASE45", VerificationStage.Base45)]
    [InlineData("CG1:GGW", "CG1-BASE45", VerificationStage.Base45)]
    [InlineData("CG1:abc", "CG1-BASE45", VerificationStage.Base45)]
    [InlineData("CG1:00000000", "CG1-ZLIB", VerificationStage.Zlib)]
    public void Malformed_text_fails_at_its_stage_with_its_code(string? text, string code, VerificationStage stage)
    {
        var result = Cg1Codec.Verify(text, _ => null, Now);
        Assert.Equal((code, stage), (result.Code, result.Stage));
        Assert.False(string.IsNullOrEmpty(result.Message));
    }

    [Fact]
    public void Oversized_text_and_zlib_bombs_are_refused_without_expanding_them()
    {
        Assert.Equal("CG1-TOO-LONG", Cg1Codec.Verify("CG1:" + new string('0', Cg1Codec.MaxTextLength), _ => null, Now).Code);

        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(new byte[2_000_000]); // ~2 KB compressed: fits a QR, would inflate 2 MB
        var bomb = "CG1:" + Base45.Encode(output.ToArray());
        Assert.True(bomb.Length < Cg1Codec.MaxTextLength, $"bomb text is {bomb.Length} characters");
        Assert.Equal("CG1-ZLIB-LIMIT", Cg1Codec.Verify(bomb, _ => null, Now).Code);
    }

    [Fact]
    public void Not_a_cose_structure_and_an_unknown_algorithm_have_their_own_codes()
    {
        var notCose = new CborWriter();
        notCose.WriteTextString("hello");
        Assert.Equal("CG1-COSE", Cg1Codec.Verify(Wrap(notCose.Encode()), _ => null, Now).Code);

        using var key = SigningKey.Generate(CoseAlgorithm.ES256);
        var genuine = CoseSign1.TryDecode(Inflate(Cg1Codec.Encode(Claims(), key)))!;
        var header = new CborWriter();
        header.WriteStartMap(1);
        header.WriteInt32(1);
        header.WriteInt32(-35); // ES384: not ours
        header.WriteEndMap();
        var result = Cg1Codec.Verify(Rewrap(genuine with { ProtectedHeader = header.Encode() }), Trust(key), Now);
        Assert.Equal("CG1-ALG-UNSUPPORTED", result.Code);
    }

    [Fact]
    public void Claims_of_the_wrong_type_are_a_schema_error_even_when_signed()
    {
        using var key = SigningKey.Generate(CoseAlgorithm.ES256);
        var w = new CborWriter();
        w.WriteStartMap(3);
        w.WriteInt32(1);
        w.WriteTextString("440100");
        w.WriteInt32(4);
        w.WriteTextString("not a date");
        w.WriteInt32(6);
        w.WriteInt64(Now.ToUnixTimeSeconds());
        w.WriteEndMap();
        var text = Wrap(CoseSign1.Sign(key, w.Encode()));
        var result = Cg1Codec.Verify(text, Trust(key), Now);
        Assert.Equal(("CG1-CLAIMS", VerificationStage.Claims), (result.Code, result.Stage));
    }

    [Fact]
    public void Base45_matches_the_examples_of_RFC_9285()
    {
        Assert.Equal("BB8", Base45.Encode("AB"u8));
        Assert.Equal("%69 VD92EX0", Base45.Encode("Hello!!"u8));
        Assert.Equal("UJCLQE7W581", Base45.Encode("base-45"u8));
        Assert.Equal("ietf!"u8.ToArray(), Base45.TryDecode("QED8WEX0"));
        Assert.Null(Base45.TryDecode("GGW")); // 65536+: overflows two bytes
    }

    private static Func<byte[], VerificationKey?> Trust(SigningKey key)
    {
        var verification = key.ToVerificationKey();
        return kid => kid.AsSpan().SequenceEqual(verification.Kid) ? verification : null;
    }

    private static byte[] Inflate(string text)
    {
        using var zlib = new ZLibStream(new MemoryStream(Base45.TryDecode(text.AsSpan(4))!), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    private static string Wrap(byte[] cose)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(cose);
        return "CG1:" + Base45.Encode(output.ToArray());
    }

    private static string Rewrap(CoseSign1 message)
    {
        var w = new CborWriter();
        w.WriteTag((CborTag)18);
        w.WriteStartArray(4);
        w.WriteByteString(message.ProtectedHeader);
        w.WriteStartMap(0);
        w.WriteEndMap();
        w.WriteByteString(message.Payload);
        w.WriteByteString(message.Signature);
        w.WriteEndArray();
        return Wrap(w.Encode());
    }
}
