using System.Xml.Linq;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using CertGuard.Data.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertGuard.Web.Tests.Protection;

/// <summary>
/// The demo's external key is made at first start in <c>keys/</c> beside the data folder, readable by its owner only;
/// production refuses to start without one; the SQLite file and its folder are the owner's only; a key ring from
/// before the external key is encrypted in place.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ExternalKeyFileTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string _root = Directory.CreateTempSubdirectory("certguard-keyfile-").FullName;

    private DatabaseOptions Database => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_root, "data", "certguard.db")};Pooling=False" };

    [Fact]
    public void A_demo_without_a_key_makes_one_beside_the_data_folder_readable_by_its_owner_only()
    {
        var keys = ExternalKeyLoader.Load(new ExternalKeyOptions(), Database, mayGenerate: true, NullLogger.Instance);

        var file = Path.Combine(_root, "keys", "master.key");
        Assert.True(File.Exists(file));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(file));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        // Found again at the next start, not replaced.
        Assert.Equal(keys.Current.Id, ExternalKeyLoader.Load(new ExternalKeyOptions(), Database, mayGenerate: false, NullLogger.Instance).Current.Id);
    }

    [Fact]
    public void Production_refuses_to_start_without_a_key_and_says_how_to_supply_one()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ExternalKeyLoader.Load(new ExternalKeyOptions(), Database, mayGenerate: false, NullLogger.Instance));
        Assert.Contains("Keys:MasterKeyFile", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "keys", "master.key")));

        var demo = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:SeedWhenEmpty"] = "true" }).Build();
        var production = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:SeedWhenEmpty"] = "false" }).Build();
        Assert.True(ProtectionServices.MayGenerateKey(new HostingEnvironment { EnvironmentName = "Development" }, demo));
        Assert.False(ProtectionServices.MayGenerateKey(new HostingEnvironment { EnvironmentName = "Production" }, demo));
        Assert.False(ProtectionServices.MayGenerateKey(new HostingEnvironment { EnvironmentName = "Development" }, production));
        Assert.False(ProtectionServices.MayGenerateKey(null, demo));
    }

    [Fact]
    public void A_key_given_in_configuration_wins_and_a_malformed_one_is_refused()
    {
        var text = ExternalKey.NewText();
        Assert.Equal(ExternalKey.Parse(text).Id, ExternalKeyLoader.Load(new ExternalKeyOptions { MasterKey = text }, Database, false, NullLogger.Instance).Current.Id);
        Assert.Throws<InvalidOperationException>(() => ExternalKeyLoader.Load(new ExternalKeyOptions { MasterKey = "c2hvcnQ=" }, Database, false, NullLogger.Instance));
    }

    [Fact]
    public async Task The_sqlite_file_and_its_folder_are_created_for_their_owner_only()
    {
        await using var services = Services(ExternalKeyLoaderFile());
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CertGuardDbContext>().MigrateAsync();

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(_root, "data")));
        foreach (var file in Directory.GetFiles(Path.Combine(_root, "data")))
            Assert.True(OwnerFile == File.GetUnixFileMode(file), $"{file} is {File.GetUnixFileMode(file)}");
    }

    [Fact]
    public async Task A_key_ring_entry_stored_in_clear_is_encrypted_in_place_and_still_opens()
    {
        await using var services = Services(ExternalKeyLoaderFile());
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        await db.MigrateAsync();
        const string secret = "c2VjcmV0LWtleS1tYXRlcmlhbC1vZi10aGUtb2xkLXJpbmc=";
        var clear = $"""<key id="0f5d6c2e-0000-4000-8000-000000000001" version="1"><descriptor><descriptor><masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection"><value>{secret}</value></masterKey></descriptor></descriptor></key>""";
        db.DataProtectionKeys.Add(new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey { FriendlyName = "old", Xml = clear });
        await db.SaveChangesAsync();

        var keys = scope.ServiceProvider.GetRequiredService<ExternalKeys>();
        Assert.Equal(1, await UnencryptedKeyRing.EncryptAsync(db, new KeyRingEncryptor(keys)));
        Assert.Equal(0, await UnencryptedKeyRing.EncryptAsync(db, new KeyRingEncryptor(keys)));

        var stored = await db.DataProtectionKeys.AsNoTracking().SingleAsync(k => k.FriendlyName == "old");
        Assert.DoesNotContain(secret, stored.Xml!, StringComparison.Ordinal);
        var encrypted = XElement.Parse(stored.Xml!).Descendants().Single(e => e.Name.LocalName == "aesGcmEncrypted");
        var opened = new KeyRingDecryptor(services).Decrypt(encrypted);
        Assert.Equal(secret, (string?)opened.Element("value"));
    }

    private string ExternalKeyLoaderFile()
    {
        var file = Path.Combine(_root, "keys", "master.key");
        if (!File.Exists(file)) ExternalKeyLoader.Generate(file);
        return file;
    }

    private ServiceProvider Services(string keyFile)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = Database.ConnectionString, ["Keys:MasterKeyFile"] = keyFile,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IActor>(SystemActor.Platform);
        services.AddCertGuardData(configuration);
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
