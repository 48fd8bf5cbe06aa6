using System.Text.RegularExpressions;
using CertGuard.Core.Credentials;

namespace CertGuard.Core.Tests.Credentials;

/// <summary>The worked example of docs/cg1-format.md is a real credential: it verifies with the key it names.</summary>
public sealed partial class FormatDocumentTests
{
    [Fact]
    public void Worked_example_verifies_with_its_published_key()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "cg1-format.md"));
        var spki = Convert.FromBase64String(SpkiPattern().Match(doc).Groups[1].Value);
        var text = string.Concat(QrPattern().Match(doc).Groups[1].Value.Split('\n').Select(l => l.Trim()));
        var key = VerificationKey.FromSubjectPublicKeyInfo(spki)!;

        var result = Cg1Codec.Verify(text, kid => kid.AsSpan().SequenceEqual(key.Kid) ? key : null, new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));

        Assert.True(result.Valid, result.Code);
        Assert.Equal("张三", result.Claims!.Name);
        Assert.Equal(4711, result.Claims.StatusIndex);
    }

    [Fact]
    public void Worked_example_verifies_offline_against_its_published_root_trust_list_and_status_list()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "cg1-format.md"));
        var lines = doc.Split('\n').Select(l => l.Trim()).ToList();
        using var rootJson = System.Text.Json.JsonDocument.Parse(lines.Single(l => l.StartsWith("{\"kid\":", StringComparison.Ordinal)));
        var signed = lines.Where(l => l.StartsWith("{\"protected\":\"", StringComparison.Ordinal)).ToList();
        var text = string.Concat(QrPattern().Match(doc).Groups[1].Value.Split('\n').Select(l => l.Trim()));

        var root = VerificationKey.FromSubjectPublicKeyInfo(Convert.FromBase64String(rootJson.RootElement.GetProperty("subjectPublicKeyInfo").GetString()!))!;
        Assert.Equal(Convert.ToHexStringLower(root.Kid), rootJson.RootElement.GetProperty("kid").GetString());
        var trust = SignedJson.TryVerify<TrustList>(signed[0], root);
        var status = SignedJson.TryVerify<StatusListDocument>(signed[1], root);
        Assert.NotNull(trust);
        Assert.NotNull(status);
        Assert.Equal(["ES256"], trust.Keys.Select(k => k.Alg));
        var bits = StatusList.TryDecode(status.Bits)!;
        Assert.True(bits[4712]);

        var result = Cg1Codec.Verify(text, trust.Resolver(), new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero),
            (id, index) => id == status.Id ? (bits[index] ? StatusOutcome.Revoked : StatusOutcome.Good) : StatusOutcome.Unavailable);
        Assert.True(result.Valid, result.Code);

        // The JWS headers name the root by its kid in lowercase hex, the one form of the JSON documents.
        foreach (var envelope in signed.Select(e => System.Text.Json.JsonSerializer.Deserialize<SignedJson.Envelope>(e)!))
        {
            using var header = System.Text.Json.JsonDocument.Parse(Base64Url.TryDecode(envelope.Protected)!);
            Assert.Equal(Convert.ToHexStringLower(root.Kid), header.RootElement.GetProperty("kid").GetString());
            Assert.True(LowS.IsLow(Base64Url.TryDecode(envelope.Signature)!));
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CertGuard.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("CertGuard.slnx not found above the test binaries.");
    }

    [GeneratedRegex("SubjectPublicKeyInfo\\s+`(MF[A-Za-z0-9+/=]+)`")]
    private static partial Regex SpkiPattern();

    [GeneratedRegex("```\\n(CG1:[^`]+?)\\n\\s*```")]
    private static partial Regex QrPattern();
}
