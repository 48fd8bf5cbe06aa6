using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CertGuard.Testing;

/// <summary>
/// The whole platform, through its real HTTP pipeline, on a real database of one provider: started once per test
/// class, seeded with a small demo province whose printed credentials the tests sign in with.
/// </summary>
public abstract partial class CertGuardApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("certguard-app-").FullName;
    private TestDatabase? _database;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>How many demo certificates to seed; small keeps the suite fast.</summary>
    protected virtual int DemoCertificates => 400;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public string CredentialsFile => Path.Combine(_folder, "demo-credentials.txt");

    public IReadOnlyList<string> Credentials { get; private set; } = [];

    /// <summary>Where this host writes its audit checkpoints.</summary>
    public string CheckpointFile => Path.Combine(_folder, "audit-checkpoint.json");

    /// <summary>Serve on a real loopback port (for a real browser) instead of the in-memory test server.</summary>
    protected virtual bool ListenOnSocket => false;

    /// <summary>Where the platform answers, e.g. http://127.0.0.1:41234/.</summary>
    public Uri ServerAddress => ClientOptions.BaseAddress;

    /// <summary>
    /// Start from a copy of the process's seeded template (<see cref="SeededTemplate"/>) instead of migrating and seeding
    /// a database of its own: most of a class's start time. Only for a fixture whose start writes exactly what
    /// <see cref="ConfigureBase"/> with the same <see cref="Provider"/> and <see cref="DemoCertificates"/> writes (the
    /// template is seeded with that alone): a subclass that changes the clock, the demo settings or anything the
    /// seeding reads keeps the default, its own seeded database.
    /// </summary>
    protected virtual bool StartsFromSeededTemplate => false;

    public virtual async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var fromTemplate = StartsFromSeededTemplate && SeededTemplate.Enabled;
        if (fromTemplate)
        {
            var template = await SeededTemplate.GetAsync(Provider, DemoCertificates);
            _database = await template.CopyAsync();
            // The copy's start finds the demo already there and prints nothing: its credentials are the template's.
            File.Copy(template.CredentialsFile, CredentialsFile);
        }
        else
        {
            _database = await TestDatabase.CreateAsync(Provider);
        }
        if (ListenOnSocket) UseKestrel(0);
        StartServer();
        Credentials = await File.ReadAllLinesAsync(CredentialsFile);
        StartTimings.Record($"{(fromTemplate ? "copy" : "seed")} {Provider} {DemoCertificates} {GetType().Name}", started);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => ConfigureBase(builder, Database, DemoCertificates, _folder);

    /// <summary>What every fixture starts with (and what a <see cref="SeededTemplate"/> is seeded with): the test
    /// environment on one database, the demo's size, its files in <paramref name="folder"/>.</summary>
    internal static void ConfigureBase(IWebHostBuilder builder, TestDatabase database, int demoCertificates, string folder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in database.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Demo:Certificates", demoCertificates.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The same file names as CredentialsFile and CheckpointFile.
        builder.UseSetting("Demo:CredentialsFile", Path.Combine(folder, "demo-credentials.txt"));
        builder.UseSetting("Audit:Checkpoint:File", Path.Combine(folder, "audit-checkpoint.json"));
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
        // The daily overdue-review job would write while tests run; its tests run the sweep themselves.
        builder.UseSetting("Reviews:OverdueJob:Enabled", "false");
        // Likewise the report-deadline sweep (statistics): its tests run it themselves.
        builder.UseSetting("Statistics:DeadlineJob:Enabled", "false");
    }

    /// <summary>The demo account of a role: (user name, password) from the credentials file.</summary>
    public (string UserName, string Password) Account(string role)
    {
        var parts = Credentials.Single(l => l.StartsWith($"account {role} ", StringComparison.Ordinal)).Split(' ');
        return (parts[2], parts[3]);
    }

    public string ApiKey(string role) =>
        Credentials.Single(l => l.StartsWith($"api-key {role} ", StringComparison.Ordinal)).Split(' ')[2];

    /// <summary>An HTTP client acting with a role's API key.</summary>
    public HttpClient ApiClient(string role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey(role));
        return client;
    }

    /// <summary>A browser-like client (cookies, no auto-redirect) signed in through the sign-in page.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostSignInAsync(client, userName, password);
        if ((int)response.StatusCode != 302)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    public Task<HttpClient> SignedInClientAsync(string role) =>
        SignedInClientAsync(Account(role).UserName, Account(role).Password);

    /// <summary>Posts the sign-in form as a browser would, with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/account/sign-in");
        var token = AntiforgeryToken(form);
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page.");

    /// <summary>A database context acting as the platform itself (no scope), for arranging and checking data.</summary>
    public CertGuardDbContext SystemDb()
    {
        var options = Services.GetRequiredService<DatabaseOptions>();
        var clock = Services.GetRequiredService<TimeProvider>();
        var seal = Services.GetRequiredService<Data.Audit.AuditSeal>();
        var referenceData = Services.GetRequiredService<Data.ReferenceData.ReferenceDataProvider>();
        return options.Provider == DatabaseProvider.Postgres
            ? new PostgresCertGuardDbContext(new DbContextOptionsBuilder<PostgresCertGuardDbContext>().UseNpgsql(options.EffectiveConnectionString).Options, SystemActor.Platform, clock, seal, referenceData)
            : new SqliteCertGuardDbContext(new DbContextOptionsBuilder<SqliteCertGuardDbContext>().UseSqlite(options.EffectiveConnectionString).Options, SystemActor.Platform, clock, seal, referenceData);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class SqliteApp : CertGuardApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override bool StartsFromSeededTemplate => true;
}

public sealed class PostgresApp : CertGuardApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override bool StartsFromSeededTemplate => true;
}
