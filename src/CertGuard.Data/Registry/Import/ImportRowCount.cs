namespace CertGuard.Data.Registry.Import;

/// <summary>
/// How many data rows a file holds, before it is imported: whether it runs as a background job, and the job's
/// total for its progress bar. An xlsx is looked over by <see cref="XlsxGuard"/> here (a bomb is refused before it
/// is stored for a job); a CSV's line breaks are counted (a quoted line break counts too: the total is an estimate).
/// </summary>
public static class ImportRowCount
{
    public static int Count(Stream stream, CancellationToken ct)
    {
        try
        {
            if (ImportFile.DetectFormat(stream) == ImportFormat.Xlsx) return Math.Max(0, XlsxGuard.Inspect(stream, XlsxLimits.Import, ct).Rows - 1);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException)
        {
            throw new ImportFileException("IMPORT-XLSX-DAMAGED", "xlsx 文件已损坏或不是 Excel 工作簿，无法读取。");
        }
        var buffer = new byte[64 * 1024];
        long lines = 0;
        var last = (byte)'\n';
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }
        stream.Seek(0, SeekOrigin.Begin);
        if (last != (byte)'\n') lines++;
        return (int)Math.Clamp(lines - 1, 0, int.MaxValue);
    }
}
