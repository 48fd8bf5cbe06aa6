using CertGuard.Core.Registry.Import;
using MiniExcelLibs;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// One pass over an import file: its header, then its data rows streamed one at a time (blank rows skipped). CSV is
/// read by <see cref="CsvRows"/>; xlsx by MiniExcel, first sheet, with formula cells marked.
/// </summary>
internal sealed class ImportTable : IDisposable
{
    private readonly Stream _stream;
    private readonly IEnumerator<(int Row, IReadOnlyList<object?> Cells)> _records;
    private readonly HashSet<(int Row, int Column)> _formulas;

    private int _maxRows = ImportOptions.UploadMaxRows;

    private ImportTable(Stream stream, IEnumerable<(int, IReadOnlyList<object?>)> records, HashSet<(int, int)> formulas)
    {
        _stream = stream;
        _records = records.GetEnumerator();
        _formulas = formulas;
        var header = _records.MoveNext() ? _records.Current.Cells.Select(c => c as string ?? ImportCells.Text(c)).ToList() : [];
        Header = ImportHeader.Read(header, out var issues);
        HeaderIssues = header.Count == 0 ? [ImportErrors.NoRows()] : issues;
    }

    public ImportHeader Header { get; }

    /// <summary>Missing or repeated columns: the file cannot be read row by row.</summary>
    public IReadOnlyList<ImportIssue> HeaderIssues { get; }

    /// <param name="maxRows">Data rows the file may have (<see cref="ImportOptions.MaxRows"/>); an xlsx never has more than a sheet holds.</param>
    public static ImportTable Open(ImportFile file, int maxRows, CancellationToken ct)
    {
        var stream = file.Open();
        try
        {
            var table = ImportFile.DetectFormat(stream) == ImportFormat.Xlsx ? OpenXlsx(stream, ct) : new ImportTable(stream, Csv(stream), []);
            table._maxRows = maxRows;
            return table;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The data rows (from row 2), each placed by column; blank rows are left out.</summary>
    public IEnumerable<ImportRow> Rows()
    {
        while (_records.MoveNext())
        {
            var (number, cells) = _records.Current;
            if (number > _maxRows + 1)
                throw new ImportFileException("IMPORT-TOO-LARGE", $"文件超过{_maxRows:N0}行：请拆分成几个文件分别导入。");
            var row = Header.Place(number, cells, _formulas.Count == 0 ? null : c => _formulas.Contains((number, c)));
            if (!row.IsBlank) yield return row;
        }
    }

    public void Dispose()
    {
        _records.Dispose();
        _stream.Dispose();
    }

    private static IEnumerable<(int, IReadOnlyList<object?>)> Csv(Stream stream)
    {
        foreach (var (row, fields) in CsvRows.Read(stream)) yield return (row, fields);
    }

    private static ImportTable OpenXlsx(Stream stream, CancellationToken ct)
    {
        HashSet<(int, int)> formulas;
        try
        {
            // Before the reader: a bomb is refused here, within a second, instead of costing minutes or gigabytes there.
            formulas = XlsxGuard.Inspect(stream, XlsxLimits.Import, ct).Formulas;
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException)
        {
            throw Damaged();
        }
        return new ImportTable(stream, Xlsx(stream), formulas);
    }

    private static IEnumerable<(int, IReadOnlyList<object?>)> Xlsx(Stream stream)
    {
        IEnumerator<dynamic> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException)
        {
            throw Damaged();
        }
        using (rows)
        {
            // MiniExcel yields every row from the first, empty ones included, so the count is the sheet's row number.
            var number = 0;
            while (Next(rows))
            {
                yield return (++number, ByColumn((IDictionary<string, object?>)rows.Current));
            }
        }
    }

    /// <summary>MiniExcel keys cells by column letter (A, B, … AA); placed here by position.</summary>
    internal static object?[] ByColumn(IDictionary<string, object?> cells)
    {
        var placed = new List<object?>(cells.Count);
        foreach (var (key, value) in cells)
        {
            if (XlsxGuard.Parse(key + "1") is not { Column: var column }) continue;
            while (placed.Count <= column) placed.Add(null);
            placed[column] = value;
        }
        return [.. placed];
    }

    private static bool Next(IEnumerator<dynamic> rows)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException)
        {
            throw Damaged();
        }
    }

    private static ImportFileException Damaged() =>
        new("IMPORT-XLSX-DAMAGED", "xlsx 文件已损坏或不是 Excel 工作簿，无法读取。");
}
