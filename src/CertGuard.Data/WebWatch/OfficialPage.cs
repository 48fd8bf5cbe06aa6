using CertGuard.Core.WebWatch;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.WebWatch;

/// <summary>The official query page's fingerprints, fetched and kept for an hour: what a copying fake resembles.</summary>
public sealed class OfficialPage(PageFetcher fetcher, ScreenshotWorker screenshots, IOptions<WebWatchOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (ulong? Html, ulong? Screen, DateTimeOffset At)? _cached;

    public async Task<(ulong? Html, ulong? Screen)> FingerprintAsync(bool withScreenshot, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            if (_cached is { } c && now - c.At < TimeSpan.FromHours(1) && (c.Screen is not null || !withScreenshot)) return (c.Html, c.Screen);
            var url = options.Value.OfficialQueryUrl;
            var page = await fetcher.FetchAsync(url, ct);
            ulong? html = page.Online && page.Html.Length > 0 ? ContentHashes.SimHash(page.Html) : null;
            ulong? screen = null;
            if (withScreenshot && page.Online)
            {
                var shot = await screenshots.TakeAsync(url, ct);
                if (shot.PerceptualHash is { } hex) screen = ContentHashes.ParseHex(hex);
            }
            if (html is not null) _cached = (html, screen, now);
            return (html, screen);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
