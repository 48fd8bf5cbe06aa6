namespace CertGuard.Data.Registry.Import;

public enum ImportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A file to import, opened when the import reads it (once; the xlsx formula scan reads the workbook once more first).
/// The streams it opens must be seekable: a file on disk, or an upload the server buffered.
/// </summary>
public sealed class ImportFile(string name, Func<Stream> open)
{
    /// <summary>The name the user gave the file, for the audit log and the certificates' history.</summary>
    public string Name { get; } = Path.GetFileName(name);

    public Stream Open() => open();

    public static ImportFile FromPath(string path) =>
        new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));

    /// <summary>By content, not by name: an xlsx is a zip (PK…); the old binary .xls is refused; anything else is read as CSV.</summary>
    public static ImportFormat DetectFormat(Stream stream)
    {
        Span<byte> head = stackalloc byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Seek(0, SeekOrigin.Begin);
        head = head[..read];
        if (head.StartsWith("PK\u0003\u0004"u8)) return ImportFormat.Xlsx;
        if (head.StartsWith(stackalloc byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new ImportFileException("IMPORT-XLS", "不支持旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入。");
        return ImportFormat.Csv;
    }
}

/// <summary>The file as a whole cannot be read (not a spreadsheet, damaged, too large): nothing is imported.</summary>
public sealed class ImportFileException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
