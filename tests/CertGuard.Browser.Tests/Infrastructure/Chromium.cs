using Microsoft.Playwright;

namespace CertGuard.Browser.Tests.Infrastructure;

/// <summary>
/// The system Chromium the suite drives. Playwright never downloads a browser here: the executable is
/// /usr/bin/chromium unless <c>CERTGUARD_TEST_CHROMIUM</c> names another, and a missing one fails the tests.
/// </summary>
internal static class Chromium
{
    public const string Variable = "CERTGUARD_TEST_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The executable to launch; throws (so every browser test fails, none is skipped) when it is missing.</summary>
    public static string ExecutablePath()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured.Trim();
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at '{path}'{(string.IsNullOrWhiteSpace(configured) ? "" : $" (from {Variable})")}. " +
                $"The browser tests drive a system Chromium and never download one: install it (apt-get install chromium fonts-noto-cjk) " +
                $"or set {Variable} to the path of a Chromium executable.");
        }
        return path;
    }

    public static BrowserTypeLaunchOptions LaunchOptions(string executablePath) => new()
    {
        ExecutablePath = executablePath,
        Headless = true,
        // The tests run as root, where Chromium's sandbox cannot start.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };
}
