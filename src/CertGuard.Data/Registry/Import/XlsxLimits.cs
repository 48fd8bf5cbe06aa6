namespace CertGuard.Data.Registry.Import;

/// <summary>
/// What a workbook may hold before the spreadsheet reader is let at it (<see cref="XlsxGuard"/>). The reader fills
/// every cell from A1 to the sheet's last reference and keeps shared strings in memory, so a 2 KB file can ask for
/// minutes of work or gigabytes: these bound both. Each caller sets them for its files.
/// </summary>
public sealed record XlsxLimits
{
    /// <summary>Excel's own limit of characters in one cell.</summary>
    public const int ExcelCellChars = 32_767;

    /// <summary>The last row a cell may be in (the header is row 1).</summary>
    public required int MaxRows { get; init; }

    /// <summary>The last column a cell may be in (64 = BL): the import reads 13 columns and ignores a few more.</summary>
    public int MaxColumns { get; init; } = 64;

    /// <summary>Uncompressed size of any one part of the workbook.</summary>
    public required long MaxPartBytes { get; init; }

    /// <summary>Uncompressed size of the shared strings, which the reader holds in memory.</summary>
    public required long MaxSharedStringsBytes { get; init; }

    /// <summary>Uncompressed size of all parts together.</summary>
    public required long MaxTotalBytes { get; init; }

    /// <summary>Uncompressed ÷ compressed size of a part larger than <see cref="RatioFloorBytes"/>. Real sheets compress 5–40 times; zip bombs about 1,000.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    public long RatioFloorBytes { get; init; } = 1024 * 1024;

    public int MaxParts { get; init; } = 1_000;

    public int MaxCellChars { get; init; } = ExcelCellChars;

    /// <summary>Rows the sheet may span beyond those it holds (blank rows the reader would still produce one by one).</summary>
    public int MaxEmptyRows { get; init; } = 10_000;

    /// <summary>A start tag (with its attributes) longer than this is not a spreadsheet's.</summary>
    public int MaxTagBytes { get; init; } = 64 * 1024;

    /// <summary>The registry import: up to Excel's 1,048,576 rows, parts up to 2 GB unpacked.</summary>
    public static XlsxLimits Import { get; } = new()
    {
        MaxRows = 1_048_576,
        MaxPartBytes = 2L * 1024 * 1024 * 1024,
        MaxSharedStringsBytes = 256L * 1024 * 1024,
        MaxTotalBytes = 3L * 1024 * 1024 * 1024,
    };

    /// <summary>A roster of <paramref name="maxRows"/> workers (three columns).</summary>
    public static XlsxLimits Roster(int maxRows) => new()
    {
        MaxRows = maxRows + 1 + 1_000,
        MaxPartBytes = 256L * 1024 * 1024,
        MaxSharedStringsBytes = 64L * 1024 * 1024,
        MaxTotalBytes = 384L * 1024 * 1024,
    };
}
