using CertGuard.Core.Credentials;

namespace CertGuard.Core.Tests.Credentials;

public sealed class TrustAndStatusTests
{
    [Fact]
    public void Status_list_round_trips_through_its_published_form_and_stays_small()
    {
        var list = new StatusList();
        list[0] = true;
        list[4711] = true;
        list[StatusList.Size - 1] = true;
        list[4711] = false;

        var encoded = list.Encode();
        var decoded = StatusList.TryDecode(encoded)!;

        Assert.True(decoded[0]);
        Assert.False(decoded[4711]);
        Assert.True(decoded[StatusList.Size - 1]);
        Assert.Equal(2, decoded.CountSet());
        Assert.True(encoded.Length < 400, $"{encoded.Length} characters");
        Assert.Equal(0x80, decoded.ToBytes()[0]); // bit 0 is the first bit of the first byte
    }

    [Fact]
    public void A_status_list_of_the_wrong_size_or_encoding_is_refused()
    {
        Assert.Null(StatusList.TryDecode("not base64url!"));
        Assert.Null(StatusList.TryDecode(Base64Url.Encode([1, 2, 3])));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StatusList()[StatusList.Size]);
    }

    [Fact]
    public void Random_indexes_avoid_used_ones()
    {
        var used = new HashSet<int>(Enumerable.Range(0, StatusList.Size - 1));
        Assert.Equal(StatusList.Size - 1, StatusList.PickFreeIndex(used));
        used.Add(StatusList.Size - 1);
        Assert.Null(StatusList.PickFreeIndex(used));
    }

    [Fact]
    public void Trust_list_signed_by_the_root_verifies_only_with_that_root_and_resolves_its_keys()
    {
        using var root = SigningKey.Generate(CoseAlgorithm.ES256);
        using var other = SigningKey.Generate(CoseAlgorithm.ES256);
        using var sm2 = SigningKey.Generate(CoseAlgorithm.Sm2Sm3);
        using var retired = SigningKey.Generate(CoseAlgorithm.ES256);
        var list = new TrustList("440000", DateTimeOffset.UnixEpoch, 3,
        [
            Entry(sm2, KeyStatus.Active),
            Entry(retired, KeyStatus.Retired),
        ]);

        var signed = SignedJson.Sign(list, root);

        Assert.Null(SignedJson.TryVerify<TrustList>(signed, other.ToVerificationKey()));
        var verified = SignedJson.TryVerify<TrustList>(signed, root.ToVerificationKey())!;
        Assert.Equal(3, verified.Version);
        var resolve = verified.Resolver();
        Assert.Equal(CoseAlgorithm.Sm2Sm3, resolve(sm2.Kid)?.Algorithm);
        Assert.Null(resolve(retired.Kid));

        var tampered = signed.Replace(signed.Split('"')[7][..10], "AAAAAAAAAA", StringComparison.Ordinal);
        Assert.Null(SignedJson.TryVerify<TrustList>(tampered, root.ToVerificationKey()));
    }

    [Fact]
    public void A_trust_list_entry_cannot_claim_another_keys_kid()
    {
        using var genuine = SigningKey.Generate(CoseAlgorithm.ES256);
        using var impostor = SigningKey.Generate(CoseAlgorithm.ES256);
        var entry = Entry(impostor, KeyStatus.Active) with { Kid = Convert.ToHexStringLower(genuine.Kid) };
        var resolve = new TrustList("440000", DateTimeOffset.UnixEpoch, 1, [entry]).Resolver();
        Assert.Null(resolve(genuine.Kid));
    }

    [Fact]
    public void Sm2_keys_survive_pkcs8_export_and_import_with_the_same_kid()
    {
        using var key = SigningKey.Generate(CoseAlgorithm.Sm2Sm3);
        using var again = SigningKey.ImportPkcs8(key.ExportPkcs8());
        Assert.Equal(key.Kid, again.Kid);
        Assert.True(key.ToVerificationKey().Verify("data"u8, again.Sign("data"u8)));
        Assert.False(key.ToVerificationKey().Verify("other"u8, again.Sign("data"u8)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key")]
    [InlineData("-----BEGIN CERTIFICATE-----")]
    public void Bytes_that_hold_no_certificate_or_key_give_no_key(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Assert.Null(VerificationKey.FromCertificate(bytes));
        Assert.Null(VerificationKey.FromSubjectPublicKeyInfo(bytes));
    }

    private static TrustedKey Entry(SigningKey key, string status) => new(
        Convert.ToHexStringLower(key.Kid), TrustList.AlgName(key.Algorithm), Convert.ToBase64String(key.SubjectPublicKeyInfo), "440100",
        new DateOnly(2026, 1, 1), null, status);
}
