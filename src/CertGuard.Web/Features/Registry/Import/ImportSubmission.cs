using CertGuard.Core;
using CertGuard.Data;
using CertGuard.Data.Database;
using CertGuard.Data.Instances;
using CertGuard.Data.Registry.Import;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Registry.Import;

/// <summary>What an upload became: the report of an import done at once, or a background job to poll.</summary>
public sealed record ImportSubmitted(ImportReport? Report, ImportJob? Job);

/// <summary>
/// An import upload, from the page or the API: read as one of the host's few concurrent spreadsheet reads, its rows
/// counted (an xlsx looked over for bombs first); up to <see cref="UploadOptions.BackgroundImportRows"/> rows it is
/// imported at once, as before; a larger file is stored and queued, so that no request holds the database for minutes.
/// </summary>
public sealed class ImportSubmission(
    CertificateImporter importer, CertGuardDbContext db, SpreadsheetGate gate, ImportJobQueue queue, IOptions<UploadOptions> options, TimeProvider clock,
    IOptions<InstanceOptions> instance)
{
    public async Task<ImportSubmitted> SubmitAsync(IFormFile file, bool partial, string? city, string user, CancellationToken ct)
    {
        using var slot = await gate.EnterAsync(ct);
        await using var stream = file.OpenReadStream();
        var rows = ImportRowCount.Count(stream, ct);
        if (rows <= options.Value.BackgroundImportRows)
            return new(await importer.ImportAsync(new ImportFile(file.FileName, file.OpenReadStream), new ImportOptions(partial, city), ct), null);

        queue.EnsureRoom();
        var path = Path.Combine(Folder(), Guid.NewGuid().ToString("N") + ".upload");
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            stream.Seek(0, SeekOrigin.Begin);
            await stream.CopyToAsync(target, ct);
        }
        var job = new ImportJob(Path.GetFileName(file.FileName), path, user, city, partial, rows, instance.Value.Name, clock.GetUtcNow());
        db.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (DatabaseFailures.IsBusy(e))
        {
            File.Delete(path);
            throw Refusal.Busy("DATABASE-BUSY", ("seconds", (int)BusyDatabase.RetryAfter.TotalSeconds));
        }
        queue.Enqueue(job.Id);
        return new(null, job);
    }

    /// <summary>The uploads' folder, readable by this account only: the files hold full ID numbers.</summary>
    private string Folder()
    {
        var folder = options.Value.JobFolder is { Length: > 0 } configured ? configured : Path.Combine(Path.GetTempPath(), "certguard-imports");
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }
}
