using System.Text.Json;
using CertGuard.Core;
using CertGuard.Core.Certificates;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Instances;
using CertGuard.Data.Registry.Import;
using CertGuard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Registry.Import;

/// <summary>
/// Runs the queued imports one at a time, each as the account that uploaded it and still one transaction (all or
/// nothing, or partial as asked). At start it fails this host's jobs a restart interrupted: their transaction died with
/// the process, so nothing of them was written, and their stored files are deleted. A job belongs to the instance that
/// stored its file on its disk (<c>Instance:Name</c>): only that instance runs it or fails it, so instances sharing a
/// database never touch each other's imports (two instances on one machine need distinct names).
/// </summary>
public sealed partial class ImportJobRunner(
    IServiceScopeFactory scopes, ImportJobQueue queue, TimeProvider clock, IOptions<UploadOptions> uploads, ILogger<ImportJobRunner> logger,
    IOptions<InstanceOptions> instance)
    : BackgroundService
{
    /// <summary>The default owner of a job: the machine name, unless <c>Instance:Name</c> says otherwise.</summary>
    public static string Host { get; } = new InstanceOptions().Name;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await FailInterruptedAsync(stoppingToken);
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    /// <summary>Marks this host's queued and running jobs failed: what a restart finds (also run by tests).</summary>
    public async Task<int> FailInterruptedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        var owner = instance.Value.Name;
        var unfinished = await db.Set<ImportJob>()
            .Where(j => j.Owner == owner && (j.State == ImportJobState.Queued || j.State == ImportJobState.Running)).ToListAsync(ct);
        foreach (var job in unfinished)
        {
            // A job still in this process's queue is not interrupted (tests call this on a live host).
            if (queue.Holds(job.Id)) continue;
            job.Fail("IMPORT-JOB-INTERRUPTED", ProblemText.Of("IMPORT-JOB-INTERRUPTED", Chinese), clock.GetUtcNow());
            Delete(job.StoredFile);
        }
        await db.SaveChangesAsync(ct);
        return unfinished.Count(j => j.State == ImportJobState.Failed);
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        var job = await db.Set<ImportJob>().SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.State != ImportJobState.Queued) return;
        job.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        try
        {
            var report = await ImportAsync(job, ct);
            var status = report.Written == 0 && !report.AllGood ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
            job.Complete(report.Rows, status, JsonSerializer.Serialize(report, Json), clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the transaction rolled back; the next start fails the job.
            return;
        }
#pragma warning disable CA1031 // a job that fails for any reason is reported failed, not left running
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The job's answer is its failure: a bad file and a refusal name themselves; anything else is logged.
            var (code, message) = e switch
            {
                ImportFileException file => (file.Code, file.Message),
                DomainRuleException refusal => (refusal.Code, refusal.Message),
                _ => ("IMPORT-JOB-FAILED", "导入失败，未写入任何数据：服务器内部错误，请稍后重试或联系管理员。"),
            };
            if (e is not (ImportFileException or DomainRuleException)) LogFailed(logger, e, id);
            job.Fail(code, message, clock.GetUtcNow());
        }
        finally
        {
            queue.Ended(id);
            Delete(job.StoredFile);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The import, in a context acting as the account that uploaded the file (its name in the history and audit).</summary>
    private async Task<ImportReport> ImportAsync(ImportJob job, CancellationToken ct)
    {
        await using var acting = scopes.CreateActorScope(new SystemActor(job.SubmittedBy));
        var importer = acting.ServiceProvider.GetRequiredService<CertificateImporter>();
        var file = new ImportFile(job.FileName, () => new FileStream(job.StoredFile, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));
        var options = new ImportOptions(job.Partial, job.ScopeCity)
        {
            BatchSize = Math.Max(1, uploads.Value.BackgroundBatchSize),
            Progress = (rows, token) => queue.ReportAsync(job.Id, rows, token),
        };
        return await importer.ImportAsync(file, options, ct);
    }

    // A job's failure is stored once, in the platform's language (the page shows it to whoever opens the job).
    private static readonly System.Globalization.CultureInfo Chinese = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the operator: the folder holds nothing once every job has run.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {Job} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid job);
}
