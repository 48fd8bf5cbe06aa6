using CertGuard.Core.Registry.Import;

namespace CertGuard.Data.Registry.Import;

/// <summary>How to import: all-or-nothing (default) or the good rows only, and for which city.</summary>
/// <param name="Partial">Write the good rows even when others are rejected.</param>
/// <param name="ScopeCity">The city the importing account stands for; null for the whole province.</param>
public sealed record ImportOptions(bool Partial = false, string? ScopeCity = null)
{
    /// <summary>The report lists at most this many issues; the counts are always complete.</summary>
    public int MaxIssues { get; init; } = 10_000;
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

/// <summary>A set of row numbers, as bits: which rows of a file of a million to write in the second pass.</summary>
internal sealed class RowSet
{
    private ulong[] _bits = new ulong[1024];

    public int Count { get; private set; }

    public void Add(int row)
    {
        var word = row >> 6;
        if (word >= _bits.Length) Array.Resize(ref _bits, Math.Max(_bits.Length * 2, word + 1));
        var mask = 1UL << (row & 63);
        if ((_bits[word] & mask) != 0) return;
        _bits[word] |= mask;
        Count++;
    }

    public bool Contains(int row) => (row >> 6) < _bits.Length && (_bits[row >> 6] & (1UL << (row & 63))) != 0;
}
