using System.Threading.Channels;
using CertGuard.Core.Verification;

namespace CertGuard.Data.Verification;

/// <summary>
/// The queue in front of the verification log: a check records itself here without waiting for the database, and a
/// single writer (the web's <c>VerificationLogWriter</c>) stores what is queued in batches, so logging costs a
/// query almost nothing. Bounded: when the writer falls far behind, recording waits rather than losing entries.
/// </summary>
public sealed class VerificationLog
{
    public const int Capacity = 100_000;

    private readonly Channel<VerificationRecord> _queue = Channel.CreateBounded<VerificationRecord>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly Lock _gate = new();
    private readonly List<(long UpTo, TaskCompletionSource Done)> _waiters = [];
    private long _recorded;
    private long _stored;

    public ValueTask RecordAsync(VerificationRecord record, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _recorded);
        return _queue.Writer.WriteAsync(record, ct);
    }

    public async ValueTask RecordAsync(IEnumerable<VerificationRecord> records, CancellationToken ct = default)
    {
        foreach (var record in records) await RecordAsync(record, ct);
    }

    /// <summary>Completes when everything recorded before the call is stored (tests, orderly shut-down).</summary>
    public Task StoredAsync(CancellationToken ct = default)
    {
        var target = Interlocked.Read(ref _recorded);
        lock (_gate)
        {
            if (_stored >= target) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, done));
            return done.Task.WaitAsync(ct);
        }
    }

    /// <summary>How many recorded entries are waiting for the writer.</summary>
    public long Pending => Interlocked.Read(ref _recorded) - Interlocked.Read(ref _stored);

    public ChannelReader<VerificationRecord> Queue => _queue.Reader;

    /// <summary>Called by the writer after a batch is committed.</summary>
    public void MarkStored(int count)
    {
        lock (_gate)
        {
            _stored += count;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].UpTo > _stored) continue;
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }
}
