using System.Globalization;
using System.Text.Json;
using CertGuard.Cli.Tests.Support;

namespace CertGuard.Cli.Tests.Credentials;

/// <summary>
/// <c>certguard verify</c> on EU DCC public test vectors (vendored in tests/fixtures/dcc), with the vector's signing certificate
/// as the only trust anchor and no database: the command's offline path against codes nobody here wrote.
/// </summary>
public sealed class DccVerifyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("certguard-dcc-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("DE-1.json", true, "CG1-VALID", "pem")]
    [InlineData("AT-1.json", true, "CG1-VALID", "der")]
    [InlineData("common-CO5.json", false, "CG1-SIG-INVALID", "pem")]
    [InlineData("common-CO17.json", false, "CG1-EXPIRED", "pem")]
    [InlineData("common-Z1.json", false, "CG1-ZLIB", "der")]
    [InlineData("common-H2.json", false, "CG1-PREFIX", "pem")]
    public async Task A_vector_verifies_or_fails_with_its_code_and_exit_status(string file, bool valid, string code, string anchorFormat)
    {
        using var vector = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(DccFixtures.Folder, file)));
        var context = vector.RootElement.GetProperty("TESTCTX");
        var certificate = Convert.FromBase64String(context.GetProperty("CERTIFICATE").GetString()!);
        var anchor = Path.Combine(_folder, "anchor." + anchorFormat);
        if (anchorFormat == "pem")
            await File.WriteAllTextAsync(anchor, $"-----BEGIN CERTIFICATE-----\n{Convert.ToBase64String(certificate, Base64FormattingOptions.InsertLineBreaks)}\n-----END CERTIFICATE-----\n");
        else
            await File.WriteAllBytesAsync(anchor, certificate);
        var qr = Path.Combine(_folder, "qr.txt");
        await File.WriteAllTextAsync(qr, vector.RootElement.GetProperty("PREFIX").GetString());
        var clock = DateTimeOffset.Parse(context.GetProperty("VALIDATIONCLOCK").GetString()!, CultureInfo.InvariantCulture);

        var run = await CliRun.RunAsync("verify", "--qr", "@" + qr, "--trust", anchor, "--at", clock.ToString("O", CultureInfo.InvariantCulture), "--offline");

        Assert.True(run.ExitCode == (valid ? 0 : 1), run.ToString());
        using var result = JsonDocument.Parse(run.Stdout);
        Assert.Equal(valid, result.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(code, result.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(result.RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_key_that_is_not_the_signer_fails_at_the_kid()
    {
        // DE-1's QR against AT-1's certificate: a well-formed anchor, just not the one that signed.
        using var de = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(DccFixtures.Folder, "DE-1.json")));
        using var at = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(DccFixtures.Folder, "AT-1.json")));
        var anchor = Path.Combine(_folder, "other.der");
        await File.WriteAllBytesAsync(anchor, Convert.FromBase64String(at.RootElement.GetProperty("TESTCTX").GetProperty("CERTIFICATE").GetString()!));

        var run = await CliRun.RunAsync("verify", "--qr", de.RootElement.GetProperty("PREFIX").GetString()!, "--trust", anchor, "--offline");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var result = JsonDocument.Parse(run.Stdout);
        Assert.Equal("CG1-KID-UNKNOWN", result.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Offline_without_a_trust_file_cannot_run()
    {
        var run = await CliRun.RunAsync("verify", "--qr", "CG1:ABC", "--offline");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("离线核验需要 --trust", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task A_missing_trust_file_or_a_bad_instant_is_told_in_Chinese()
    {
        var missing = await CliRun.RunAsync("verify", "--qr", "HC1:ABC", "--trust", Path.Combine(_folder, "none.pem"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("找不到信任文件", missing.Stderr, StringComparison.Ordinal);

        var anchor = Path.Combine(_folder, "junk.pem");
        await File.WriteAllTextAsync(anchor, "not a key");
        var junk = await CliRun.RunAsync("verify", "--qr", "HC1:ABC", "--trust", anchor);
        Assert.Equal(2, junk.ExitCode);
        Assert.Contains("无法识别信任文件", junk.Stderr, StringComparison.Ordinal);

        var instant = await CliRun.RunAsync("verify", "--qr", "HC1:ABC", "--trust", anchor, "--at", "昨天");
        Assert.Equal(2, instant.ExitCode);
        Assert.Contains("--at 的时间格式不正确", instant.Stderr, StringComparison.Ordinal);
    }
}
