using CertGuard.Core;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Registry.Import;

/// <summary>
/// At most <see cref="UploadOptions.MaxConcurrentParses"/> spreadsheets are read at once (roster checks and
/// imports): a burst of uploads waits briefly for a reader, then is answered 503 with Retry-After instead of
/// taking every core and the memory of the host.
/// </summary>
public sealed class SpreadsheetGate(IOptions<UploadOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.EffectiveParses, options.Value.EffectiveParses);

    /// <summary>A reader's slot, released on dispose; refused (<c>UPLOAD-BUSY</c>, 503) when none frees in time.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (!await _slots.WaitAsync(TimeSpan.FromSeconds(options.Value.ParseWaitSeconds), ct))
            throw Refusal.Busy("UPLOAD-BUSY");
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
