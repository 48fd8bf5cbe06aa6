using System.IO.Compression;
using System.Xml;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// The cells of a workbook's first sheet that hold a formula. The spreadsheet reader gives only what a formula last
/// computed; the importer refuses such cells instead of storing a value nobody typed.
/// </summary>
internal static class XlsxFormulaCells
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>(row, zero-based column) of every formula cell, rows numbered as the sheet shows them.</summary>
    public static HashSet<(int Row, int Column)> Scan(Stream xlsx)
    {
        var cells = new HashSet<(int, int)>();
        using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        if (FirstSheetPath(zip) is not { } path || zip.GetEntry(path) is not { } sheet) return cells;
        using var reader = XmlReader.Create(sheet.Open(), Settings);
        string? cell = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != MainNs) continue;
            if (reader.LocalName == "c") cell = reader.GetAttribute("r");
            else if (reader.LocalName == "f" && cell is not null && Parse(cell) is { } at) cells.Add(at);
        }
        return cells;
    }

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };

    private static string? FirstSheetPath(ZipArchive zip)
    {
        var workbook = zip.GetEntry("xl/workbook.xml");
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null || rels is null) return null;
        string? id = null;
        using (var reader = XmlReader.Create(workbook.Open(), Settings))
        {
            while (id is null && reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet") id = reader.GetAttribute("id", RelNs);
            }
        }
        using (var reader = XmlReader.Create(rels.Open(), Settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" || reader.GetAttribute("Id") != id) continue;
                var target = reader.GetAttribute("Target") ?? "";
                return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
            }
        }
        return null;
    }

    /// <summary>"AB12" → (12, 27).</summary>
    internal static (int Row, int Column)? Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetterUpper(reference[i]); i++) column = column * 26 + (reference[i] - 'A' + 1);
        return i > 0 && int.TryParse(reference.AsSpan(i), out var row) ? (row, column - 1) : null;
    }
}
