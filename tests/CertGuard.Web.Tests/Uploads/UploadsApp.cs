using CertGuard.Data.Database;
using CertGuard.Testing;
using CertGuard.Web.Features.Registry.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Tests.Uploads;

/// <summary>
/// The platform with small thresholds for background imports (over 100 rows, 100 rows a batch), a 1-second SQLite
/// busy timeout, and an import queue a test can pause after a batch: the import's transaction is then open, which
/// makes "a write while an import runs" deterministic.
/// </summary>
public abstract class UploadsApp : CertGuardApp
{
    public PausableImportJobQueue Jobs => (PausableImportJobQueue)Services.GetRequiredService<ImportJobQueue>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:BackgroundImportRows", "100");
        builder.UseSetting("Uploads:BackgroundBatchSize", "100");
        builder.UseSetting("Uploads:JobFolder", Path.Combine(Path.GetTempPath(), "certguard-test-imports-" + Guid.NewGuid().ToString("N")[..8]));
        builder.UseSetting("Database:SqliteBusyTimeoutSeconds", "1");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ImportJobQueue>();
            services.AddSingleton<ImportJobQueue, PausableImportJobQueue>();
        });
    }
}

/// <summary>Holds the next import after its first batch (its transaction open) until <see cref="Release"/>.</summary>
public sealed class PausableImportJobQueue(IOptions<UploadOptions> options) : ImportJobQueue(options)
{
    private TaskCompletionSource? _reached;
    private TaskCompletionSource? _release;

    /// <summary>Arms the pause; the task completes once an import has reached it.</summary>
    public Task PauseNextAsync()
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _reached.Task;
    }

    public void Release() => _release?.TrySetResult();

    public override async Task ReportAsync(Guid job, int rows, CancellationToken ct)
    {
        await base.ReportAsync(job, rows, ct);
        if (Interlocked.Exchange(ref _reached, null) is { } reached)
        {
            reached.SetResult();
            await _release!.Task.WaitAsync(ct);
        }
    }
}

public sealed class SqliteUploadsApp : UploadsApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresUploadsApp : UploadsApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
