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
