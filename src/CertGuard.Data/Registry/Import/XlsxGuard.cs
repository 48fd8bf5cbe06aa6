using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;
using CertGuard.Core;

namespace CertGuard.Data.Registry.Import;

/// <summary>What the guard found in a workbook it let through: the first sheet's formula cells and its rows (the header too).</summary>
public sealed record XlsxInspection(HashSet<(int Row, int Column)> Formulas, int Rows);

/// <summary>
/// Looks a workbook over before the spreadsheet reader parses it, and refuses a bomb: too many parts, a part larger
/// (declared or unpacked) or more compressed than a spreadsheet's, a cell beyond the row or column cap (the reader
/// would fill every cell up to it), a sheet that spans far more rows than it holds, a cell longer than Excel allows.
/// Every part is unpacked once, through <see cref="XlsxPartStream"/>, which stops at the first excess; the request's
/// token stops it too. It also finds the first sheet's formula cells, which the reader cannot tell from values.
/// </summary>
public static class XlsxGuard
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };

    /// <summary>
    /// Checks the workbook on a seekable stream (left at its start) and answers the first sheet's formula cells as
    /// (row, zero-based column). Refusals are <see cref="DomainRuleException"/>s (413 too large, 422 not a sheet
    /// to read); a damaged zip or XML throws <see cref="InvalidDataException"/> or <see cref="XmlException"/>.
    /// </summary>
    public static XlsxInspection Inspect(Stream xlsx, XlsxLimits limits, CancellationToken ct)
    {
        CheckDirectory(xlsx, limits);
        xlsx.Seek(0, SeekOrigin.Begin);
        var formulas = new HashSet<(int, int)>();
        var rows = 0;
        using (var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > limits.MaxParts) throw Refusal.TooLarge("XLSX-PARTS", ("limit", limits.MaxParts));
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var cap = IsSharedStrings(entry) ? limits.MaxSharedStringsBytes : limits.MaxPartBytes;
                if (entry.Length > cap || entry.Length < 0) throw PartTooLarge(entry, cap);
                total += entry.Length;
                if (total > limits.MaxTotalBytes) throw Refusal.TooLarge("XLSX-TOO-LARGE", ("limit", Megabytes(limits.MaxTotalBytes)));
                if (entry.Length > limits.RatioFloorBytes && entry.Length > entry.CompressedLength * limits.MaxCompressionRatio)
                    throw Refusal.TooLarge("XLSX-COMPRESSION", ("part", entry.FullName), ("ratio", (int)limits.MaxCompressionRatio));
            }
            var first = FirstSheetPath(zip, limits, ct);
            foreach (var entry in zip.Entries)
            {
                ct.ThrowIfCancellationRequested();
                using var part = Open(entry, limits, ct);
                if (IsSharedStrings(entry)) ScanStrings(part, limits);
                else if (entry.FullName == first) rows = ScanSheet(part, entry.FullName, limits, formulas);
                else if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && IsXml(entry)) ScanSheet(part, entry.FullName, limits, null);
                part.Drain();
                if (part.BytesRead != entry.Length) throw Refusal.Invalid("XLSX-SIZE-MISMATCH", ("part", entry.FullName));
            }
        }
        xlsx.Seek(0, SeekOrigin.Begin);
        return new XlsxInspection(formulas, rows);
    }

    /// <summary>
    /// The count of parts from the end-of-directory record, read before the zip reader loads the whole directory
    /// (a 200 MB upload can name millions of parts). A spreadsheet never needs ZIP64's counts.
    /// </summary>
    private static void CheckDirectory(Stream xlsx, XlsxLimits limits)
    {
        var tail = (int)Math.Min(xlsx.Length, 22 + ushort.MaxValue);
        if (tail < 22) return; // not a zip: the zip reader says so
        var buffer = new byte[tail];
        xlsx.Seek(-tail, SeekOrigin.End);
        xlsx.ReadExactly(buffer);
        for (var i = tail - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) != 0x06054b50) continue;
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
            if (entries > limits.MaxParts) throw Refusal.TooLarge("XLSX-PARTS", ("limit", limits.MaxParts));
            return;
        }
    }

    private static XlsxPartStream Open(ZipArchiveEntry entry, XlsxLimits limits, CancellationToken ct) =>
        new(entry.Open(), entry.FullName, entry.Length, IsXml(entry), limits, ct);

    private static bool IsXml(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private static bool IsSharedStrings(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase);

    private static DomainRuleException PartTooLarge(ZipArchiveEntry entry, long cap) =>
        Refusal.TooLarge("XLSX-PART-TOO-LARGE", ("part", entry.FullName), ("limit", Megabytes(cap)));

    private static long Megabytes(long bytes) => bytes / 1024 / 1024;

    /// <summary>Every cell and row reference against the caps; the first sheet's formula cells into <paramref name="formulas"/>.</summary>
    private static int ScanSheet(Stream part, string name, XlsxLimits limits, HashSet<(int, int)>? formulas)
    {
        using var reader = XmlReader.Create(part, Settings);
        int row = 0, column = -1, chars = 0, rows = 0, lastRow = 0;
        var inCell = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == MainNs)
            {
                switch (reader.LocalName)
                {
                    case "dimension":
                        if (reader.GetAttribute("ref") is { } range)
                        {
                            var last = range[(range.IndexOf(':') + 1)..];
                            if (Parse(last) is { } end) lastRow = Math.Max(lastRow, Check(end, last, limits).Row);
                        }
                        break;
                    case "row":
                        rows++;
                        row = int.TryParse(reader.GetAttribute("r"), out var r) ? r : row + 1;
                        Check((row, 0), reader.GetAttribute("r") ?? row.ToString(System.Globalization.CultureInfo.InvariantCulture), limits);
                        lastRow = Math.Max(lastRow, row);
                        column = -1;
                        break;
                    case "c":
                        var reference = reader.GetAttribute("r");
                        (row, column) = reference is not null && Parse(reference) is { } at ? at : (row, column + 1);
                        Check((row, column), reference ?? ColumnName(column) + row, limits);
                        lastRow = Math.Max(lastRow, row);
                        (chars, inCell) = (0, !reader.IsEmptyElement);
                        break;
                    case "f" when inCell:
                        formulas?.Add((row, column));
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "c")
            {
                inCell = false;
            }
            else if (inCell && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                chars += reader.Value.Length;
                if (chars > limits.MaxCellChars) throw CellTooLong(name, limits);
            }
        }
        if (lastRow > rows + limits.MaxEmptyRows)
            throw Refusal.Invalid("XLSX-SPARSE", ("rows", lastRow), ("held", rows));
        return rows;
    }

    /// <summary>Each shared string (one cell's text) within Excel's length.</summary>
    private static void ScanStrings(Stream part, XlsxLimits limits)
    {
        using var reader = XmlReader.Create(part, Settings);
        var chars = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si") chars = 0;
            else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                chars += reader.Value.Length;
                if (chars > limits.MaxCellChars) throw CellTooLong("xl/sharedStrings.xml", limits);
            }
        }
    }

    private static DomainRuleException CellTooLong(string part, XlsxLimits limits) =>
        Refusal.TooLarge("XLSX-CELL-TOO-LONG", ("limit", limits.MaxCellChars));

    private static (int Row, int Column) Check((int Row, int Column) at, string reference, XlsxLimits limits)
    {
        if (at.Row > limits.MaxRows) throw Refusal.TooLarge("XLSX-ROWS", ("cell", Shorten(reference)), ("limit", limits.MaxRows));
        if (at.Column >= limits.MaxColumns)
            throw Refusal.Invalid("XLSX-COLUMNS", ("cell", Shorten(reference)), ("limit", ColumnName(limits.MaxColumns - 1)));
        return at;
    }

    private static string Shorten(string reference) => reference.Length > 16 ? reference[..16] + "…" : reference;

    /// <summary>"AB12" → (12, 27); lower case too. A column past XFD or a row past int reads as beyond every cap.</summary>
    internal static (int Row, int Column)? Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            column = Math.Min(column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1), 1 << 20);
        if (i == 0 || i == reference.Length) return null;
        var digits = reference.AsSpan(i);
        foreach (var d in digits)
        {
            if (!char.IsAsciiDigit(d)) return null;
        }
        return (int.TryParse(digits, out var row) ? row : int.MaxValue, column - 1);
    }

    /// <summary>0 → A, 63 → BL.</summary>
    internal static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static string? FirstSheetPath(ZipArchive zip, XlsxLimits limits, CancellationToken ct)
    {
        var workbook = zip.GetEntry("xl/workbook.xml");
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null || rels is null) return null;
        string? id = null;
        using (var part = Open(workbook, limits, ct))
        using (var reader = XmlReader.Create(part, Settings))
        {
            while (id is null && reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet") id = reader.GetAttribute("id", RelNs);
            }
        }
        using (var part = Open(rels, limits, ct))
        using (var reader = XmlReader.Create(part, Settings))
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
}
