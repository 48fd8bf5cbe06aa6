using System.Collections.Concurrent;
using System.Threading.Channels;
using CertGuard.Core;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Registry.Import;

/// <summary>
/// The background imports waiting to run, in order, at most <see cref="UploadOptions.ImportQueueLength"/>; one runs
/// at a time (<see cref="ImportJobRunner"/>). What a running job has done lives here too: on SQLite its transaction
/// holds the only write lock, so its progress cannot be written to the database until it ends.
/// </summary>
public class ImportJobQueue(IOptions<UploadOptions> options)
{
    private readonly Channel<Guid> _jobs = Channel.CreateBounded<Guid>(new BoundedChannelOptions(Math.Max(1, options.Value.ImportQueueLength))
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly ConcurrentDictionary<Guid, int> _progress = new();

    public ChannelReader<Guid> Reader => _jobs.Reader;

    /// <summary>Whether another job would be taken (checked before the upload is stored).</summary>
    public void EnsureRoom()
    {
        if (_jobs.Reader.Count >= Math.Max(1, options.Value.ImportQueueLength)) throw Refusal.Busy("IMPORT-QUEUE-FULL");
    }

    public void Enqueue(Guid job)
    {
        _progress[job] = 0;
        if (_jobs.Writer.TryWrite(job)) return;
        _progress.TryRemove(job, out _);
        throw Refusal.Busy("IMPORT-QUEUE-FULL");
    }

    /// <summary>Whether the job waits or runs in this process.</summary>
    public bool Holds(Guid job) => _progress.ContainsKey(job);

    /// <summary>Rows a job has checked, if it waits or runs in this process.</summary>
    public int? RowsDone(Guid job) => _progress.TryGetValue(job, out var rows) ? rows : null;

    /// <summary>Called by the running import after each batch, with its transaction open.</summary>
    public virtual Task ReportAsync(Guid job, int rows, CancellationToken ct)
    {
        _progress[job] = rows;
        return Task.CompletedTask;
    }

    internal void Ended(Guid job) => _progress.TryRemove(job, out _);
}
