using System.Data;
using System.Text;
using MiniExcelLibs;

namespace CertGuard.Data.Registry.Export;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>Writes rows of text cells as CSV or xlsx. The cells arrive already neutralised against formulas.</summary>
public static class SpreadsheetWriters
{
    /// <summary>An xlsx sheet holds 1,048,576 rows; one is the header.</summary>
    public const int MaxXlsxRows = 1_048_575;

    public const string SheetName = "证书";

    /// <summary>
    /// CSV in UTF-8 with a byte order mark (without it Excel on Chinese Windows reads UTF-8 as GBK and shows garbage),
    /// CRLF line ends, and quotes where a cell holds a separator, a quote or a line break.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<string[]> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        writer.NewLine = "\r\n";
        await WriteLineAsync(writer, headers);
        await foreach (var row in rows.WithCancellation(ct)) await WriteLineAsync(writer, row);
        await writer.FlushAsync(ct);
    }

    /// <summary>xlsx through MiniExcel, streaming the rows; every cell is text, so numbers keep their digits.</summary>
    public static void WriteXlsx(Stream output, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            // MiniExcel takes the header from the first row; an empty result still gets its header, from a table.
            using var empty = new DataTable(SheetName);
            foreach (var header in headers) empty.Columns.Add(header, typeof(string));
            MiniExcel.SaveAs(output, empty, sheetName: SheetName, excelType: ExcelType.XLSX);
            return;
        }
        MiniExcel.SaveAs(output, Dictionaries(headers, enumerator), sheetName: SheetName, excelType: ExcelType.XLSX);
    }

    /// <summary>Several sheets (the import template's), each from a header and its rows.</summary>
    public static void WriteXlsxSheets(Stream output, IReadOnlyList<(string Sheet, IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows)> sheets)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var (sheet, headers, rows) in sheets)
        {
            var table = new DataTable(sheet);
            foreach (var header in headers) table.Columns.Add(header, typeof(string));
            foreach (var row in rows) table.Rows.Add(row.Cast<object>().ToArray());
            workbook[sheet] = table;
        }
        MiniExcel.SaveAs(output, workbook, excelType: ExcelType.XLSX);
        foreach (var table in workbook.Values.Cast<DataTable>()) table.Dispose();
    }

    private static IEnumerable<IDictionary<string, object>> Dictionaries(IReadOnlyList<string> headers, IEnumerator<string[]> rows)
    {
        do
        {
            var row = rows.Current;
            var cells = new Dictionary<string, object>(headers.Count);
            for (var i = 0; i < headers.Count; i++) cells[headers[i]] = row[i];
            yield return cells;
        }
        while (rows.MoveNext());
    }

    private static Task WriteLineAsync(StreamWriter writer, IReadOnlyList<string> cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) line.Append(',');
            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else line.Append(cell);
        }
        return writer.WriteLineAsync(line);
    }
}
