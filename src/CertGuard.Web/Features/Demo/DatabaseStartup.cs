using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Credentials;
using CertGuard.Data.Database;
using CertGuard.Data.Demo;
using CertGuard.Data.Protection;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Demo;

/// <summary>
/// At start: migrate, and on an empty database seed the demo province and print its credentials once
/// (also written to the credentials file, which never leaves the machine: data/ is not committed).
/// </summary>
internal static class DatabaseStartup
{
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(SystemActor.Platform);
        // No external key, no start (in production): everything below protects or signs with it.
        var keys = scope.ServiceProvider.GetRequiredService<ExternalKeys>();
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        await db.MigrateAsync();
        var encrypted = await UnencryptedKeyRing.EncryptAsync(db, new KeyRingEncryptor(keys));
        if (encrypted > 0) app.Logger.LogWarning("已用外部密钥加密数据库中 {Count} 个原先未加密的数据保护密钥。", encrypted);
        // The root key and one signing key per issuing authority, generated here on first start, never committed.
        await scope.ServiceProvider.GetRequiredService<KeyRing>().EnsureKeysAsync();

        var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!demo.SeedWhenEmpty) return;
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var lines = await seeder.SeedIfEmptyAsync(demo.Certificates, demo.RandomSeed);
        if (lines is null) return;

        var file = Path.GetFullPath(demo.CredentialsFile, app.Environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllLinesAsync(file, lines);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var log = app.Logger;
        log.LogWarning("演示数据已生成。以下账号与密钥仅显示这一次，并已写入 {File}:\n{Lines}", file, string.Join('\n', lines));
    }
}
