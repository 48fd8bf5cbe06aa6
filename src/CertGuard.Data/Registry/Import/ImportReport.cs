using CertGuard.Core.Registry.Import;

namespace CertGuard.Data.Registry.Import;

/// <summary>How to import: all-or-nothing (default) or the good rows only, and for which city.</summary>
/// <param name="Partial">Write the good rows even when others are rejected.</param>
/// <param name="ScopeCity">The city the importing account stands for; null for the whole province.</param>
public sealed record ImportOptions(bool Partial = false, string? ScopeCity = null)
{
    /// <summary>The report lists at most this many issues the counts are always complete.</summary>
    public int MaxIssues { get; init; } = 10_000;

    /// <summary>Rows checked against the registry and written together; also how far the file is read ahead of the writing.</summary>
    public int BatchSize { get; init; } = 10_000;

    /// <summary>Whether a large load on PostgreSQL drops the certificates' secondary indexes and builds them again at the end.</summary>
    public BulkIndexMode Indexes { get; init; } = BulkIndexMode.Auto;

    /// <summary>With <see cref="BulkIndexMode.Auto"/>: the rows a load must have written before it rebuilds (and at least as many as the registry held).</summary>
    public int RebuildIndexesFrom { get; init; } = 20_000;

    /// <summary>
    /// Data rows a file may have; beyond, it is refused whole (IMPORT-TOO-LARGE). Uploads keep the default
    /// (<see cref="UploadMaxRows"/>, what a 256 MB upload holds); <c>certguard import</c> takes a province's whole
    /// registry in one file (<see cref="CommandLineMaxRows"/>): memory grows by about 60 bytes a row (the file's keys).
    /// </summary>
    public int MaxRows { get; init; } = UploadMaxRows;

    public const int UploadMaxRows = 2_000_000;

    public const int CommandLineMaxRows = 20_000_000;

    /// <summary>Told the rows checked so far after each batch (a background job's progress); the load's transaction is open meanwhile.</summary>
    public Func<int, CancellationToken, Task>? Progress { get; init; }
}

/// <summary>
/// What a large PostgreSQL load does with the secondary indexes of the certificates (and the history's key to them).
/// Maintaining the secondary indexes row by row costs most of a million-row load; building them once at the end is
/// several times cheaper, but the dropped indexes lock the certificates table against every reader until the load commits.
/// </summary>
public enum BulkIndexMode
{
    /// <summary>Rebuild once the load has written <see cref="ImportOptions.RebuildIndexesFrom"/> rows and at least as many as the registry held: an initial load.</summary>
    Auto,

    /// <summary>Never: queries of the registry go on during the load (a live system).</summary>
    Keep,

    /// <summary>From the first row, whatever the size (the operator knows the registry may be locked).</summary>
    Rebuild,
}

/// <summary>
/// What an import did. <see cref="Rows"/> counts the data rows (blank ones left out); each is written, unchanged
/// (already in the registry exactly so) or rejected. <see cref="Issues"/> says why each rejected row was.
/// </summary>
public sealed record ImportReport(
    string File,
    int Rows,
    int Written,
    int Unchanged,
    int Rejected,
    bool Partial,
    IReadOnlyList<ImportIssue> Issues,
    bool IssuesTruncated)
{
    /// <summary>Every row is in the registry now (written or unchanged) and nothing was wrong with the file.</summary>
    public bool AllGood => Rejected == 0 && Issues.Count == 0;

    /// <summary>Rows were rejected, so (not partial) nothing was written.</summary>
    public bool NothingWritten => Written == 0;
}
