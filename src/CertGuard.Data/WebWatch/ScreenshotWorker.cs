using System.Diagnostics;
using CertGuard.Core.WebWatch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StbImageSharp;

namespace CertGuard.Data.WebWatch;

public sealed record Screenshot(byte[]? Png, string? Missing, string? PerceptualHash);

/// <summary>
/// The capture worker's browser: Debian's headless Chromium (<c>WebWatch:Browser:ChromiumPath</c>) prints the page
/// to a PNG in a throwaway profile; the PNG's dHash is its perceptual hash. Without a browser, or when it fails, the
/// capture goes on without the screenshot and says so.
/// </summary>
public sealed class ScreenshotWorker(IOptions<WebWatchOptions> options, ILogger<ScreenshotWorker> log)
{
    public const string NoBrowser = "未截图：未配置浏览器（WebWatch:Browser:ChromiumPath）。No screenshot: no browser is configured.";

    public async Task<Screenshot> TakeAsync(string url, CancellationToken ct)
    {
        var browser = options.Value.Browser;
        if (string.IsNullOrWhiteSpace(browser.ChromiumPath) || !File.Exists(browser.ChromiumPath)) return new(null, NoBrowser, null);
        var folder = Directory.CreateTempSubdirectory("certguard-capture-").FullName;
        try
        {
            var file = Path.Combine(folder, "page.png");
            var start = new ProcessStartInfo(browser.ChromiumPath) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-dev-shm-usage", $"--user-data-dir={Path.Combine(folder, "profile")}",
                $"--window-size={browser.Width},{browser.Height}", $"--screenshot={file}", url,
            }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            _ = process.StandardOutput.ReadToEndAsync(ct);
            _ = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(browser.TimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return new(null, "未截图：浏览器超时。No screenshot: the browser timed out.", null);
            }
            if (!File.Exists(file)) return new(null, $"未截图：浏览器未生成截图（退出码 {process.ExitCode}）。No screenshot: the browser made none.", null);
            var png = await File.ReadAllBytesAsync(file, ct);
            return new(png, null, PerceptualHash(png));
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            log.LogWarning(ex, "Screenshot of {Url} failed", url);
            return new(null, $"未截图：浏览器无法运行（{ex.Message}）。No screenshot: the browser failed.", null);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The dHash of a PNG as 16 hex digits, or null when it cannot be decoded.</summary>
    public static string? PerceptualHash(byte[] png)
    {
        try
        {
            var image = ImageResult.FromMemory(png, ColorComponents.Grey);
            return ContentHashes.Hex(ContentHashes.DifferenceHash(image.Width, image.Height, image.Data));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
