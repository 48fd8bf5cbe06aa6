using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CertGuard.Web.Tests.Uploads;

/// <summary>
/// Spreadsheet bombs, built here byte by byte: small workbooks that ask a reader for minutes of work or gigabytes of
/// memory. The large ones are written through a streaming zip writer, so the test never holds what they unpack to.
/// </summary>
internal static class SpreadsheetBombs
{
    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A roster header in row 1 and one cell far away (e.g. ZZ20000), as the dimension and the cell say.</summary>
    public static byte[] OneFarCell(string reference) => Workbook(zip =>
        Write(zip, "xl/worksheets/sheet1.xml",
            $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Ns}"><dimension ref="A1:{reference}"/><sheetData>""" +
            """<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>证件号码</t></is></c></row>""" +
            $"""<row r="{Row(reference)}"><c r="{reference}" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"""));

    /// <summary>One inline string of <paramref name="characters"/> characters in A2 (256 MB: a zip of a few hundred KB).</summary>
    public static byte[] LongInlineString(long characters, bool varied = false) => Workbook(zip =>
    {
        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        sheet.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Ns}"><sheetData>""");
        sheet.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>证件号码</t></is></c></row>""");
        sheet.Write("""<row r="2"><c r="A2" t="inlineStr"><is><t>""");
        WriteText(sheet, characters, varied);
        sheet.Write("</t></is></c></row></sheetData></worksheet>");
    });

    /// <summary>A shared-strings part of about <paramref name="bytes"/> bytes (or one string that long) and a sheet pointing at it.</summary>
    public static byte[] HugeSharedStrings(long bytes, bool oneString) => Workbook(zip =>
    {
        Write(zip, "xl/worksheets/sheet1.xml",
            $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Ns}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>""");
        using var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        strings.Write($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Ns}">""");
        if (oneString)
        {
            strings.Write("<si><t>");
            WriteText(strings, bytes, varied: true);
            strings.Write("</t></si>");
        }
        else
        {
            const string one = "<si><t>张三</t></si>";
            for (long written = 0; written < bytes; written += one.Length) strings.Write(one);
        }
        strings.Write("</sst>");
    }, sharedStrings: true);

    /// <summary>
    /// A well-formed roster whose sheet part declares <paramref name="declared"/> bytes unpacked in the zip's
    /// directory and local header, which is not what it holds.
    /// </summary>
    public static byte[] LyingSizes(Func<long, long> declared)
    {
        var sheet = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Ns}"><sheetData>""");
        for (var r = 1; r <= 2000; r++) sheet.Append($"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>职工{r}</t></is></c></row>""");
        sheet.Append("</sheetData></worksheet>");
        var bytes = Workbook(zip => Write(zip, "xl/worksheets/sheet1.xml", sheet.ToString()));
        var actual = Encoding.UTF8.GetByteCount(sheet.ToString());
        Patch(bytes, "xl/worksheets/sheet1.xml", (uint)declared(actual));
        return bytes;
    }

    /// <summary>Rewrites the uncompressed size of a part in its local header and in the central directory.</summary>
    private static void Patch(byte[] zip, string part, uint size)
    {
        var name = Encoding.UTF8.GetBytes(part);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name)
                && BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 26)) == name.Length)
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
            if (signature == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name)
                && BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 28)) == name.Length)
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
        }
    }

    private static void WriteText(StreamWriter writer, long characters, bool varied)
    {
        var chunk = new char[64 * 1024];
        var random = new Random(7);
        for (long left = characters; left > 0; left -= chunk.Length)
        {
            for (var i = 0; i < chunk.Length; i++) chunk[i] = varied ? (char)('a' + random.Next(26)) : 'a';
            writer.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
    }

    private static string Row(string reference) => new(reference.SkipWhile(char.IsAsciiLetter).ToArray());

    private static byte[] Workbook(Action<ZipArchive> sheets, bool sharedStrings = false)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""" +
                """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>""" +
                """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""" +
                """<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""" +
                (sharedStrings ? """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""" : "") +
                "</Types>");
            Write(zip, "_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
                """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Write(zip, "xl/workbook.xml",
                $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">""" +
                """<sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Write(zip, "xl/_rels/workbook.xml.rels",
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
                """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>""" +
                (sharedStrings ? """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""" : "") +
                "</Relationships>");
            sheets(zip);
        }
        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
