using CertGuard.Core.Auditing;
namespace CertGuard.Data.Registry.Import;

public enum ImportJobState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// A large import run in the background (docs/import-export.md): the page and the API poll it. The import itself
/// stays one transaction; the job only says where it is: queued, running (rows done of the rows in the file), done
/// with the report, or failed with why. A job a restart interrupted is failed, and nothing of it was written.
/// </summary>
[NotAudited("A job only carries an import; the import itself is audited (who, file, counts).")]
public sealed class ImportJob
{
    public const int FileNameMaxLength = 260;

    private ImportJob()
    {
        FileName = StoredFile = SubmittedBy = Owner = "";
    }

    public ImportJob(string fileName, string storedFile, string submittedBy, string? scopeCity, bool partial, int rowsTotal, string owner, DateTimeOffset at) : this()
    {
        Id = Guid.NewGuid();
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        StoredFile = storedFile;
        SubmittedBy = submittedBy;
        ScopeCity = scopeCity;
        Partial = partial;
        RowsTotal = rowsTotal;
        Owner = owner;
        CreatedAt = at;
        State = ImportJobState.Queued;
    }

    public Guid Id { get; private set; }

    public string FileName { get; private set; }

    /// <summary>Where the upload waits on disk until the job has run; deleted then.</summary>
    public string StoredFile { get; private set; }

    /// <summary>The account that uploaded it: the only one (with the province office) that may read the job.</summary>
    public string SubmittedBy { get; private set; }

    public string? ScopeCity { get; private set; }

    public bool Partial { get; private set; }

    public ImportJobState State { get; private set; }

    /// <summary>Data rows in the file, counted when it was accepted.</summary>
    public int RowsTotal { get; private set; }

    public int RowsDone { get; private set; }

    /// <summary>The host that runs it: a restarted host fails its own unfinished jobs, not another's.</summary>
    public string Owner { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The status the synchronous import would have answered (200 or 422) and its report as JSON.</summary>
    public int? ResultStatus { get; private set; }

    public string? Result { get; private set; }

    public string? FailureCode { get; private set; }

    public string? FailureMessage { get; private set; }

    public bool Finished => State is ImportJobState.Done or ImportJobState.Failed;

    public void Start(DateTimeOffset at) => (State, StartedAt) = (ImportJobState.Running, at);

    public void Complete(int rows, int status, string result, DateTimeOffset at) =>
        (State, RowsDone, ResultStatus, Result, FinishedAt) = (ImportJobState.Done, rows, status, result, at);

    public void Fail(string code, string message, DateTimeOffset at) =>
        (State, FailureCode, FailureMessage, FinishedAt) = (ImportJobState.Failed, code, message.Length > 1000 ? message[..1000] : message, at);
}
