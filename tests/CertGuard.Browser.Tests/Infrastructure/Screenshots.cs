using Microsoft.Playwright;

namespace CertGuard.Browser.Tests.Infrastructure;

/// <summary>Full-page screenshots kept as test artifacts in TestResults/screenshots/ at the repository root.</summary>
internal static class Screenshots
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    /// <summary>Saves the whole page as <paramref name="name"/>.png and returns the file's path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
