using CertGuard.Data.Registry.Import;
using MiniExcelLibs;

namespace CertGuard.Data.Employers;

/// <summary>The rows of an xlsx roster's first sheet, each cell placed by column, with its formula cells marked.</summary>
internal static class RosterSheet
{
    public static IEnumerable<RosterFile.Record> Records(Stream stream, int maxRows, CancellationToken ct)
    {
        HashSet<(int Row, int Column)> formulas;
        try
        {
            // Before the reader: a bomb is refused here, within a second, instead of costing minutes or gigabytes there.
            formulas = XlsxGuard.Inspect(stream, XlsxLimits.Roster(maxRows), ct).Formulas;
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException)
        {
            throw Damaged();
        }
        return Rows(stream, formulas);
    }

    private static IEnumerable<RosterFile.Record> Rows(Stream stream, HashSet<(int Row, int Column)> formulas)
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
            // MiniExcel yields every row from the first, empty ones included: the count is the sheet's row number.
            var number = 0;
            while (Next(rows))
            {
                var row = ++number;
                yield return new RosterFile.Record(row, ImportTable.ByColumn((IDictionary<string, object?>)rows.Current), c => formulas.Contains((row, c)));
            }
        }
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

    private static RosterFileException Damaged() => new("ROSTER-XLSX-DAMAGED", "xlsx 文件已损坏或不是 Excel 工作簿，无法读取。");
}
