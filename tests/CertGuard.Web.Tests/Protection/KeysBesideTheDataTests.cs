using System.Security.Cryptography;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Credentials;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Protection;

/// <summary>
/// A copy of the database is not enough: the Data Protection key ring in it is encrypted with the external key, so a
/// host without that key unprotects neither a QR signing key nor anything else the platform protected (cookies).
/// </summary>
public abstract class KeysBesideTheDataTests(CertGuardApp app)
{
    [Fact]
    public async Task A_database_copy_opened_without_the_external_key_yields_no_usable_key()
    {
        var protectedByPlatform = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie-like").Protect("会话");

        await using (var stranger = DataHost(TestKeys.CreateOther()))
        {
            await using var scope = stranger.CreateAsyncScope();
            await Assert.ThrowsAnyAsync<CryptographicException>(() => scope.ServiceProvider.GetRequiredService<KeyRing>().RootKeyAsync());
            var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie-like");
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(protectedByPlatform));
        }

        await using (var holder = DataHost(TestKeys.File))
        {
            await using var scope = holder.CreateAsyncScope();
            using var root = await scope.ServiceProvider.GetRequiredService<KeyRing>().RootKeyAsync();
            Assert.Equal("会话", scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie-like").Unprotect(protectedByPlatform));
        }

        // Nothing in the stored key ring is in clear.
        await using var db = app.SystemDb();
        var ring = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("aesGcmEncrypted", xml, StringComparison.Ordinal);
        });
    }

    /// <summary>The data layer alone on this app's database, holding the given external key file; it never makes keys.</summary>
    private ServiceProvider DataHost(string keyFile)
    {
        var settings = new Dictionary<string, string?>(app.Database.Settings) { ["Keys:MasterKeyFile"] = keyFile };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IActor>(SystemActor.Platform);
        services.AddCertGuardData(configuration);
        services.Configure<KeyManagementOptions>(o => o.AutoGenerateKeys = false);
        return services.BuildServiceProvider();
    }
}

public sealed class SqliteKeysBesideTheDataTests(SqliteApp app) : KeysBesideTheDataTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresKeysBesideTheDataTests(PostgresApp app) : KeysBesideTheDataTests(app), IClassFixture<PostgresApp>;
