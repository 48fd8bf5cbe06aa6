using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CertGuard.Core.Registry.Import;
using CertGuard.Data.Registry.Import;
using CertGuard.Testing;
using MiniExcelLibs;

namespace CertGuard.Web.Tests.Import;

/// <summary>
/// Import files for the tests: the demo generator's certificates as CSV lines (all valid, no quoted fields), which a
/// test spoils cell by cell, then writes as UTF-8, GB18030 or xlsx.
/// </summary>
internal static partial class ImportFiles
{
    public static async Task<List<string>> SampleAsync(CertGuardApp app, int rows, int seed, string? city = null)
    {
        using var buffer = new MemoryStream();
        await SampleImportFile.WriteCsvAsync(buffer, rows, seed, app.Clock(), app.Rules(), city);
        return [.. Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>The cell of a row as the spreadsheet numbers it (header = row 1).</summary>
    public static string Cell(List<string> lines, int row, ImportColumn column) => lines[row - 1].Split(',')[(int)column];

    public static void Set(List<string> lines, int row, ImportColumn column, string value)
    {
        var cells = lines[row - 1].Split(',');
        cells[(int)column] = value;
        lines[row - 1] = string.Join(',', cells);
    }

    public static IReadOnlyList<string> Numbers(List<string> lines) => lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().ToList();

    public static byte[] Utf8(List<string> lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static byte[] Gb18030(List<string> lines) => CsvRows.Gb18030.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>An xlsx of the lines; <paramref name="formulaCells"/> (e.g. "B8") get a real formula in front of their value.</summary>
    public static byte[] Xlsx(List<string> lines, params string[] formulaCells)
    {
        var headers = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l =>
        {
            var cells = l.Split(',');
            return (IDictionary<string, object>)headers.Select((h, i) => (h, (object)cells[i])).ToDictionary(p => p.h, p => p.Item2);
        }).ToList();
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, rows, excelType: ExcelType.XLSX);
        if (formulaCells.Length == 0) return buffer.ToArray();

        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            foreach (var cell in formulaCells)
                xml = Regex.Replace(xml, $"(<x:c r=\"{cell}\"[^>]*>)<x:v>", "$1<x:f>\"张\"&amp;\"三\"</x:f><x:v>");
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }
        return buffer.ToArray();
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string fileName, bool partial = false)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", fileName);
        form.Add(new StringContent(partial ? "true" : "false"), "partial");
        return client.PostAsync("/api/v1/certificates/imports", form);
    }
}
