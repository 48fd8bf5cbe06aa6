using System.Security.Cryptography;
using System.Text.Json;
using CertGuard.Cli.Tests.Support;
using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Credentials;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Cli.Tests.Credentials;

public sealed class SqliteKeysAndVerifyTests() : KeysAndVerifyTests(DatabaseProvider.Sqlite);

public sealed class PostgresKeysAndVerifyTests() : KeysAndVerifyTests(DatabaseProvider.Postgres);

/// <summary>
/// <c>certguard keys</c> and <c>certguard verify</c> on a real database: keys made by the command sign QR codes the
/// platform issues; verify reads them from the database, or offline from the published files alone.
/// </summary>
public abstract class KeysAndVerifyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private string _folder = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _folder = Directory.CreateTempSubdirectory("certguard-verify-").FullName;
        _services = DataServicesFor.Build(_database);

        var seed = await RunAsync("seed", "--certificates", "40", "--seed", "11");
        Assert.True(seed.ExitCode == 0, seed.ToString());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Keys_created_by_the_command_sign_a_QR_that_verify_accepts_from_the_database()
    {
        var (certificate, qr) = await IssueQrAsync();

        var run = await RunAsync("verify", "--qr", qr);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("CG1-VALID", json.RootElement.GetProperty("code").GetString());
        Assert.True(json.RootElement.GetProperty("statusChecked").GetBoolean());
        Assert.Equal(certificate.Number, json.RootElement.GetProperty("claims").GetProperty("number").GetString());
    }

    [Fact]
    public async Task Offline_with_the_published_files_and_the_pinned_root_verifies_without_warnings()
    {
        var (certificate, qr) = await IssueQrAsync();
        var files = await PublishAsync(certificate.StatusListId!);
        var qrFile = Path.Combine(_folder, "qr.txt");
        await File.WriteAllTextAsync(qrFile, qr);

        var run = await CliRun.RunAsync("verify", "--qr", "@" + qrFile, "--trust", files.TrustList, "--root", files.Root, "--status", files.StatusList, "--offline");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("CG1-VALID", json.RootElement.GetProperty("code").GetString());
        Assert.True(json.RootElement.GetProperty("statusChecked").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Offline_without_status_lists_verifies_the_signature_but_warns_that_revocation_was_not_checked()
    {
        var (certificate, qr) = await IssueQrAsync();
        var files = await PublishAsync(certificate.StatusListId!);

        var run = await CliRun.RunAsync("verify", "--qr", qr, "--trust", files.TrustList, "--root", files.Root);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("statusChecked").GetBoolean());
        Assert.Contains("未检查证书是否已被撤销", json.RootElement.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trust_list_not_signed_by_the_pinned_root_is_refused()
    {
        var (certificate, qr) = await IssueQrAsync();
        var files = await PublishAsync(certificate.StatusListId!);
        // Another province root: what a forger would pin his own trust list to.
        using var forger = SigningKey.Generate(CoseAlgorithm.ES256);
        var forgedRoot = Path.Combine(_folder, "forged-root.pem");
        await File.WriteAllTextAsync(forgedRoot, new string(PemEncoding.Write("PUBLIC KEY", forger.SubjectPublicKeyInfo)));

        var run = await CliRun.RunAsync("verify", "--qr", qr, "--trust", files.TrustList, "--root", forgedRoot);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("信任列表的签名与指定的根公钥不符", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_QR_a_revoked_certificate_and_a_retired_key_each_fail_with_exit_status_1()
    {
        var (certificate, qr) = await IssueQrAsync();

        var tampered = await RunAsync("verify", "--qr", qr[..^3] + (qr[^3] == 'A' ? 'B' : 'A') + qr[^2..]);
        Assert.True(tampered.ExitCode == 1, tampered.ToString());
        Assert.False(JsonDocument.Parse(tampered.Stdout).RootElement.GetProperty("valid").GetBoolean());

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            var stored = await db.Certificates.SingleAsync(c => c.Id == certificate.Id);
            stored.Revoke(RevocationReason.FraudOrBribery, ChinaTime.Today(TimeProvider.System), "test", CertificateRules.Order30, TimeProvider.System);
            await db.SaveChangesAsync();
        }
        var revoked = await RunAsync("verify", "--qr", qr);
        Assert.True(revoked.ExitCode == 1, revoked.ToString());
        Assert.Equal("CG1-REVOKED", JsonDocument.Parse(revoked.Stdout).RootElement.GetProperty("code").GetString());

        var (_, other) = await IssueQrAsync(skip: 1);
        var kid = KidOf(other);
        var retire = await RunAsync("keys", "retire", kid);
        Assert.True(retire.ExitCode == 0, retire.ToString());
        var afterRetire = await RunAsync("verify", "--qr", other);
        Assert.True(afterRetire.ExitCode == 1, afterRetire.ToString());
        Assert.Equal("CG1-KID-UNKNOWN", JsonDocument.Parse(afterRetire.Stdout).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_revoked_then_reissued_certificates_old_QR_fails_offline_as_revoked_and_the_new_QR_verifies()
    {
        var (certificate, oldQr) = await IssueQrAsync(skip: 2);
        var today = ChinaTime.Today(TimeProvider.System);
        string newQr;
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            var stored = await db.Certificates.SingleAsync(c => c.Id == certificate.Id);
            // A revocation that does not bar a new application, then a new exam passed and a new certificate issued.
            stored.Revoke(RevocationReason.PhysicallyUnfit, today, "test", CertificateRules.Order30, TimeProvider.System);
            await db.SaveChangesAsync();
            var holder = Core.Holders.ResidentIdNumber.Parse(stored.Number, today);
            stored.IssueAgain(new IssueRequest(holder, stored.HolderName, stored.ItemCode, today, stored.RegionCode, stored.IssuingAuthorityId, stored.EmployerId, "test"),
                CertificateRules.Order30, TimeProvider.System);
            await db.SaveChangesAsync();
            Assert.False(stored.StatusListId == certificate.StatusListId && stored.StatusIndex == certificate.StatusIndex, "the new issue kept the old place");
            newQr = await scope.ServiceProvider.GetRequiredService<CredentialIssuer>().QrTextAsync(stored);
        }
        await using (var scope = _services.CreateAsyncScope())
        {
            var fresh = await scope.ServiceProvider.GetRequiredService<CertGuardDbContext>().Certificates.AsNoTracking().SingleAsync(c => c.Id == certificate.Id);
            var oldFiles = await PublishAsync(certificate.StatusListId!);
            var oldRun = await CliRun.RunAsync("verify", "--qr", oldQr, "--trust", oldFiles.TrustList, "--root", oldFiles.Root, "--status", oldFiles.StatusList, "--offline");
            Assert.True(oldRun.ExitCode == 1, oldRun.ToString());
            Assert.Equal("CG1-REVOKED", JsonDocument.Parse(oldRun.Stdout).RootElement.GetProperty("code").GetString());

            // Against the database, the registry names it: not the current card.
            var online = await RunAsync("verify", "--qr", oldQr);
            Assert.True(online.ExitCode == 1, online.ToString());
            Assert.Equal("CG1-REGISTRY-SUPERSEDED", JsonDocument.Parse(online.Stdout).RootElement.GetProperty("code").GetString());

            var newFiles = await PublishAsync(fresh.StatusListId!);
            var newRun = await CliRun.RunAsync("verify", "--qr", newQr, "--trust", newFiles.TrustList, "--root", newFiles.Root, "--status", newFiles.StatusList, "--offline");
            Assert.True(newRun.ExitCode == 0, newRun.ToString());
            Assert.Equal("CG1-VALID", JsonDocument.Parse(newRun.Stdout).RootElement.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Keys_list_shows_rotation_and_create_and_retire_refuse_what_cannot_be_done()
    {
        Assert.Equal(0, (await RunAsync("keys", "create", "--root", "--alg", "ES256")).ExitCode);
        Assert.Equal(0, (await RunAsync("keys", "create", "--authority", "440300", "--alg", "SM2")).ExitCode);
        var second = await RunAsync("keys", "create", "--authority", "440300", "--alg", "ES256");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("深圳市", second.Stdout, StringComparison.Ordinal);

        var list = await RunAsync("keys", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        var shenzhen = list.Stdout.Split('\n').Where(l => l.Contains("440300", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, shenzhen.Count);
        Assert.Contains(shenzhen, l => l.Contains("SM2", StringComparison.Ordinal) && l.Contains(KeyStatus.VerifyOnly, StringComparison.Ordinal));
        Assert.Contains(shenzhen, l => l.Contains("ES256", StringComparison.Ordinal) && l.Contains(KeyStatus.Active, StringComparison.Ordinal));
        Assert.DoesNotContain("PRIVATE", list.Stdout, StringComparison.OrdinalIgnoreCase);

        var sm2Root = await RunAsync("keys", "create", "--root", "--alg", "SM2");
        Assert.Equal(2, sm2Root.ExitCode);
        Assert.Contains("根密钥必须使用 ES256", sm2Root.Stderr, StringComparison.Ordinal);
        var county = await RunAsync("keys", "create", "--authority", "440106", "--alg", "ES256");
        Assert.Equal(2, county.ExitCode);
        Assert.Contains("不是广东省地级以上市的发证机关代码", county.Stderr, StringComparison.Ordinal);
        var unknown = await RunAsync("keys", "retire", "00112233");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("没有 kid 为 00112233 的密钥", unknown.Stderr, StringComparison.Ordinal);

        // Each key change is in the audit log, without the private key.
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        var logged = await db.AuditEntries.Where(e => e.EntityType == nameof(CredentialKeyRecord)).ToListAsync();
        Assert.True(logged.Count >= 4, $"{logged.Count} key changes logged");
        Assert.All(logged, e => Assert.DoesNotContain(nameof(CredentialKeyRecord.ProtectedPrivateKey), e.After ?? "", StringComparison.Ordinal));
    }

    /// <summary>Keys through the command for the certificate's authority, then its QR as the platform signs it.</summary>
    private async Task<(Certificate Certificate, string Qr)> IssueQrAsync(int skip = 0)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        // A certificate whose QR can verify: live, in its validity, review not overdue.
        var today = ChinaTime.Today(TimeProvider.System);
        var live = await db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Active).OrderBy(c => c.Number).ToListAsync();
        var certificate = live.Where(c => c.StateOn(today) == CertificateState.Valid).Skip(skip).First();
        if (!await db.CredentialKeys.AnyAsync(k => k.Purpose == CredentialKeyRecord.RootPurpose))
        {
            var root = await RunAsync("keys", "create", "--root", "--alg", "ES256");
            Assert.True(root.ExitCode == 0, root.ToString());
        }
        if (!await db.CredentialKeys.AnyAsync(k => k.Authority == certificate.RegionCode && k.Status == KeyStatus.Active))
        {
            var key = await RunAsync("keys", "create", "--authority", certificate.RegionCode, "--alg", "ES256");
            Assert.True(key.ExitCode == 0, key.ToString());
        }
        return (certificate, await scope.ServiceProvider.GetRequiredService<CredentialIssuer>().QrTextAsync(certificate));
    }

    /// <summary>The files the platform publishes under /.well-known/certguard/, as a verifier would download them.</summary>
    private async Task<(string TrustList, string Root, string StatusList)> PublishAsync(string statusListId)
    {
        await using var scope = _services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<KeyRing>();
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        using var root = await keys.RootKeyAsync();
        var trustList = Path.Combine(_folder, "trust-list.json");
        await File.WriteAllTextAsync(trustList, SignedJson.Sign(await keys.TrustListAsync(), root));
        var rootFile = Path.Combine(_folder, "root.pem");
        await File.WriteAllTextAsync(rootFile, new string(PemEncoding.Write("PUBLIC KEY", root.SubjectPublicKeyInfo)));
        var list = await db.StatusLists.AsNoTracking().SingleAsync(l => l.Id == statusListId);
        var statusList = Path.Combine(_folder, "status.json");
        await File.WriteAllTextAsync(statusList, SignedJson.Sign(list.ToDocument(), root));
        return (trustList, rootFile, statusList);
    }

    private static string KidOf(string qr)
    {
        var result = Cg1Codec.Verify(qr, _ => null, DateTimeOffset.UtcNow, null);
        return result.Detail ?? throw new InvalidOperationException("no kid in " + result.Code);
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync([.. args, "--database-provider", provider.ToString(), "--connection-string", _database.ConnectionString]);
}
