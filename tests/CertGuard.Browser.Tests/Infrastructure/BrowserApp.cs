using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.Playwright;

namespace CertGuard.Browser.Tests.Infrastructure;

/// <summary>
/// The whole platform on a SQLite database, listening on a real loopback port, plus one Playwright and one headless
/// Chromium for the test class. Each test opens its own <see cref="NewContextAsync">browser context</see>.
/// </summary>
public class BrowserApp : CertGuardApp
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override bool ListenOnSocket => true;

    // Its settings (rate limits, and DashboardBrowserApp's indicator source) are not read by the seeding.
    protected override bool StartsFromSeededTemplate => true;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The browser tests compare the page with the server over a hundred codes from one address and fetch QR codes
        // as they need them; the limits have their own tests (CertGuard.Web.Tests, CredentialLimitsTests).
        builder.UseSetting("Credentials:VerifyQr:PerClient:Burst", "100000");
        builder.UseSetting("Credentials:VerifyQr:BoundClient:Burst", "100000");
        builder.UseSetting("Credentials:QrIssue:PerAccount:Burst", "100000");
    }

    public override async Task InitializeAsync()
    {
        // Before anything slow: without Chromium every test of the class fails with this message.
        _ = Chromium.ExecutablePath();
        await base.InitializeAsync();
        // Same reason as the context timeouts: an expectation waits up to 15 s (Playwright's default is 5 s).
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchAsync();
    }

    /// <summary>Another headless Chromium, with extra command-line switches (e.g. a fake camera).</summary>
    public Task<IBrowser> LaunchAsync(params string[] extraArgs)
    {
        var options = Chromium.LaunchOptions(Chromium.ExecutablePath());
        options.Args = [.. options.Args ?? [], .. extraArgs];
        return (_playwright ?? throw new InvalidOperationException("Playwright is not started.")).Chromium.LaunchAsync(options);
    }

    /// <summary>
    /// A fresh, isolated browser context (no cookies, no service worker, no cache) with a Chinese locale, addressed
    /// relative to the platform; on the class's browser unless another is given.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(IBrowser? browser = null)
    {
        var context = await (browser ?? Browser).NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            BaseURL = ServerAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // The suite runs the web tests beside these on two cores: a sign-in or a seeded page can take longer than
        // Playwright's 30 s default under that load without anything being wrong.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }
        _playwright?.Dispose();
        _playwright = null;
        await base.DisposeAsync();
    }
}
