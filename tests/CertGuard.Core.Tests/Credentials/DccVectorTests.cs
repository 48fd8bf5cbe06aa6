using System.Globalization;
using System.Text.Json;
using CertGuard.Core.Credentials;

namespace CertGuard.Core.Tests.Credentials;

/// <summary>
/// The EU DCC public test vectors (vendored in tests/fixtures/dcc) through the same decoder as CG1, with only the prefix and the
/// claims schema changed: proof of the Base45, zlib and COSE code against an implementation nobody here wrote.
/// </summary>
public sealed class DccVectorTests
{
    // The stages of the fixtures' README that apply to our decoder.
    private static readonly string[] ApplicableKeys =
        ["EXPECTEDUNPREFIX", "EXPECTEDB45DECODE", "EXPECTEDCOMPRESSION", "EXPECTEDDECODE", "EXPECTEDVERIFY", "EXPECTEDEXPIRATIONCHECK"];

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(FixtureFolder(), "*.json").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void The_fixture_set_is_complete()
    {
        var files = Directory.EnumerateFiles(FixtureFolder(), "*.json").ToList();
        Assert.Equal(95, files.Count);
        Assert.Equal(12, files.Count(f => !ExpectedToVerify(Load(f))));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_gives_its_expected_result(string file)
    {
        var vector = Load(Path.Combine(FixtureFolder(), file));
        var context = vector.GetProperty("TESTCTX");
        var anchor = VerificationKey.FromCertificate(Convert.FromBase64String(context.GetProperty("CERTIFICATE").GetString()!));
        Assert.NotNull(anchor);
        var expectations = vector.GetProperty("EXPECTEDRESULTS");
        DateTimeOffset? at = expectations.TryGetProperty("EXPECTEDEXPIRATIONCHECK", out _)
            ? DateTimeOffset.Parse(context.GetProperty("VALIDATIONCLOCK").GetString()!, CultureInfo.InvariantCulture)
            : null;

        var result = Cg1Codec.Verify(vector.GetProperty("PREFIX").GetString(),
            kid => kid.AsSpan().SequenceEqual(anchor.Kid) ? anchor : null, at, status: null, CredentialProfile.Hc1);

        var expected = ExpectedToVerify(vector);
        Assert.True(expected == result.Valid,
            $"{file}: expected {(expected ? "valid" : "invalid")}, got {result.Code} at {result.Stage} ({result.Detail}) — {(context.TryGetProperty("DESCRIPTION", out var d) ? d.GetString() : "")}");
    }

    private static bool ExpectedToVerify(JsonElement vector)
    {
        var expectations = vector.GetProperty("EXPECTEDRESULTS");
        return ApplicableKeys.All(k => !expectations.TryGetProperty(k, out var v) || v.GetBoolean());
    }

    private static JsonElement Load(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();

    /// <summary>The vectors vendored in tests/fixtures/dcc, copied beside this assembly by the build.</summary>
    private static string FixtureFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "fixtures", "dcc");
        return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.json").Any()
            ? folder
            : throw new DirectoryNotFoundException($"The vendored DCC vectors are missing from {folder}; they come from tests/fixtures/dcc.");
    }
}
