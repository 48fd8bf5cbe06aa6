using System.Text;

namespace CertGuard.Core.Registry.Import;

/// <summary>
/// Reads a CSV file as offices produce it, one record at a time: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// GB18030/GBK (what Excel and WPS write on Chinese Windows); comma, semicolon or tab separated; quoted fields may hold
/// separators, quotes ("") and line breaks. Bytes that are not text in the detected encoding become U+FFFD, which the
/// validator reports as garbled, cell by cell.
/// </summary>
public static class CsvRows
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>
    /// The longest record read: a row of 30 cells of Excel's 32,767 characters. Longer is a file built to exhaust
    /// memory (a 256 MB cell), refused before it is held.
    /// </summary>
    public const int MaxRecordChars = 1024 * 1024;

    /// <summary>GB18030 with U+FFFD for bytes it cannot read (its default fallback would write “?”).</summary>
    public static Encoding Gb18030 { get; } = LoadGb18030();

    private static Encoding LoadGb18030()
    {
        // The code-page encodings ship with .NET but are available only once registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }

    /// <summary>
    /// Guesses the encoding from the file's first bytes: a BOM; else UTF-8 when they read as UTF-8 but for a stray
    /// bad byte or two (those cells are then reported as garbled, rather than the whole file read as GBK mojibake);
    /// else GB18030, whose double bytes are almost never valid UTF-8.
    /// </summary>
    public static Encoding Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8)) return new UTF8Encoding(false);
        if (head.StartsWith(stackalloc byte[] { 0xFF, 0xFE })) return Encoding.Unicode;
        if (head.StartsWith(stackalloc byte[] { 0xFE, 0xFF })) return Encoding.BigEndianUnicode;
        var (characters, errors) = (0, 0);
        // The sample may end inside a multi-byte character: the last three bytes are not judged.
        for (var i = 0; i < head.Length - 3;)
        {
            if (head[i] < 0x80)
            {
                i++;
                continue;
            }
            if (Rune.DecodeFromUtf8(head[i..], out _, out var used) == System.Buffers.OperationStatus.Done) characters++;
            else errors++;
            i += Math.Max(used, 1);
        }
        return errors == 0 || errors * 20 < characters ? new UTF8Encoding(false) : Gb18030;
    }

    /// <summary>Detects the encoding of a seekable stream and leaves it at its start.</summary>
    public static Encoding Detect(Stream stream)
    {
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable to detect its encoding.", nameof(stream));
        var buffer = new byte[SniffBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0) read += n;
        stream.Seek(0, SeekOrigin.Begin);
        return Detect(buffer.AsSpan(0, read));
    }

    /// <summary>Each record with its number as a spreadsheet shows it (the first record, the header, is row 1).</summary>
    public static IEnumerable<(int Row, string[] Fields)> Read(TextReader reader)
    {
        var buffer = new char[64 * 1024];
        int start = 0, end = 0, scan = 0, row = 0;
        bool inQuotes = false, eof = false, skipLineFeed = false;
        char? separator = null;
        var fields = new List<string>(16);
        var quoted = new StringBuilder();
        while (true)
        {
            if (skipLineFeed && (start < end || eof))
            {
                // A record ended at CR: the LF of a CRLF belongs to that end, not to an empty record.
                if (start < end && buffer[start] == '\n') start++;
                scan = Math.Max(scan, start);
                skipLineFeed = false;
            }
            var lineEnd = skipLineFeed ? -1 : FindRecordEnd(buffer, ref scan, end, ref inQuotes);
            if (lineEnd < 0)
            {
                if (eof)
                {
                    if (start < end) yield return (++row, Split(buffer.AsSpan(start, end - start), separator ??= Pick(buffer.AsSpan(start, end - start)), fields, quoted));
                    yield break;
                }
                if (start > 0)
                {
                    Array.Copy(buffer, start, buffer, 0, end - start);
                    (scan, end, start) = (scan - start, end - start, 0);
                }
                if (end == buffer.Length)
                {
                    if (buffer.Length >= MaxRecordChars) throw Refusal.TooLarge("CSV-RECORD-TOO-LONG", ("row", row + 1), ("limit", MaxRecordChars));
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                var read = reader.Read(buffer, end, buffer.Length - end);
                if (read == 0) eof = true;
                else end += read;
                continue;
            }
            var record = buffer.AsSpan(start, lineEnd - start);
            yield return (++row, Split(record, separator ??= Pick(record), fields, quoted));
            skipLineFeed = buffer[lineEnd] == '\r';
            start = scan = lineEnd + 1;
        }
    }

    /// <summary>The index of the line break that ends the record, outside quotes; -1 when the buffer holds no complete record yet.</summary>
    private static int FindRecordEnd(char[] buffer, ref int scan, int end, ref bool inQuotes)
    {
        while (scan < end)
        {
            var span = buffer.AsSpan(scan, end - scan);
            var k = inQuotes ? span.IndexOf('"') : span.IndexOfAny(RecordSpecials);
            if (k < 0)
            {
                scan = end;
                return -1;
            }
            scan += k;
            if (buffer[scan] != '"') return scan;
            // A doubled quote inside a quoted field toggles twice: in, then out, then in again.
            inQuotes = !inQuotes;
            scan++;
        }
        return -1;
    }

    private static readonly System.Buffers.SearchValues<char> RecordSpecials = System.Buffers.SearchValues.Create("\"\r\n");

    private static string[] Split(ReadOnlySpan<char> record, char separator, List<string> fields, StringBuilder quoted)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            if (i < record.Length && record[i] == '"')
            {
                quoted.Clear();
                i++;
                while (true)
                {
                    var k = record[i..].IndexOf('"');
                    if (k < 0)
                    {
                        quoted.Append(record[i..]);
                        i = record.Length;
                        break;
                    }
                    quoted.Append(record.Slice(i, k));
                    i += k + 1;
                    if (i < record.Length && record[i] == '"')
                    {
                        quoted.Append('"');
                        i++;
                        continue;
                    }
                    break;
                }
                // Text after the closing quote (malformed, but Excel keeps it) stays part of the field.
                var rest = record[i..].IndexOf(separator);
                quoted.Append(rest < 0 ? record[i..] : record.Slice(i, rest));
                fields.Add(quoted.ToString());
                if (rest < 0) break;
                i += rest + 1;
                continue;
            }
            var next = record[i..].IndexOf(separator);
            if (next < 0)
            {
                fields.Add(new string(record[i..]));
                break;
            }
            fields.Add(new string(record.Slice(i, next)));
            i += next + 1;
        }
        return [.. fields];
    }

    /// <summary>Reads a stream, detecting its encoding; the stream must be seekable.</summary>
    public static IEnumerable<(int Row, string[] Fields)> Read(Stream stream)
    {
        var encoding = Detect(stream);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        foreach (var record in Read(reader)) yield return record;
    }

    /// <summary>The separator is whichever of , TAB ; the header record uses.</summary>
    private static char Pick(ReadOnlySpan<char> header) =>
        header.Contains(',') ? ',' : header.Contains('\t') ? '\t' : header.Contains(';') ? ';' : ',';
}
