using CertGuard.Data.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CertGuard.Testing;

/// <summary>
/// Two instances of the platform on ONE throwaway PostgreSQL database, as a deployment behind a load balancer runs
/// them: the same external key, the shared rate-limit store (<c>RateLimits:Store=Postgres</c>), distinct
/// <c>Instance:Name</c>s, nothing else in common. A seeds the demo; B starts on the seeded database.
/// </summary>
public sealed class TwoPostgresInstances : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("certguard-instances-").FullName;
    private TestDatabase? _database;

    public PlatformInstance A { get; private set; } = null!;

    public PlatformInstance B { get; private set; } = null!;

    public IReadOnlyList<string> Credentials { get; private set; } = [];

    /// <summary>Settings both instances get on top of the shared ones (a test class's limits).</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["RateLimits:Store"] = "Postgres",
        ["PublicQuery:RateLimits:PerNumber:Burst"] = "5",
        // One token a minute: the 6th query within the minute is refused whichever instance answers it.
        ["PublicQuery:RateLimits:PerNumber:PermitsPerMinute"] = "1",
    };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        A = new PlatformInstance(_database, "instance-a", Path.Combine(_folder, "a"), Settings);
        A.StartServer();
        Credentials = await File.ReadAllLinesAsync(A.CredentialsFile);
        B = new PlatformInstance(_database, "instance-b", Path.Combine(_folder, "b"), Settings);
        B.StartServer();
    }

    public (string UserName, string Password) Account(string role)
    {
        var parts = Credentials.Single(l => l.StartsWith($"account {role} ", StringComparison.Ordinal)).Split(' ');
        return (parts[2], parts[3]);
    }

    public async Task DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>One instance: the platform's real pipeline on the shared database, with its own folder and name.</summary>
public sealed class PlatformInstance(TestDatabase database, string name, string folder, IReadOnlyDictionary<string, string?> settings)
    : WebApplicationFactory<Program>
{
    public string Name => name;

    public string CredentialsFile => Path.Combine(folder, "demo-credentials.txt");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in database.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Instance:Name", name);
        builder.UseSetting("Demo:Certificates", "100");
        builder.UseSetting("Demo:CredentialsFile", CredentialsFile);
        builder.UseSetting("Audit:Checkpoint:File", Path.Combine(folder, "audit-checkpoint.json"));
        // The tests trigger the jobs themselves.
        builder.UseSetting("Reviews:OverdueJob:Enabled", "false");
        builder.UseSetting("Statistics:DeadlineJob:Enabled", "false");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestClientAddress>());
    }

    /// <summary>A browser-like client of this instance: cookies kept by the caller, no auto-redirect.</summary>
    public HttpClient BrowserClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}
