using CertGuard.Core;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// A workbook part as it unpacks, watched byte by byte before the XML reader buffers anything: more bytes than the
/// zip declared (a lying header), a start tag or a run of text longer than any spreadsheet writes (one 256 MB string
/// would otherwise be held whole by the XML reader) end the read with a refusal.
/// </summary>
internal sealed class XlsxPartStream(Stream inner, string part, long declared, bool markup, XlsxLimits limits, CancellationToken ct) : Stream
{
    /// <summary>A cell of Excel's 32,767 characters, each written as an entity of up to 8 bytes.</summary>
    private readonly long _maxTextBytes = (long)limits.MaxCellChars * 8;

    private long _read;
    private long _run;
    private bool _inTag;

    public long BytesRead => _read;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ct.ThrowIfCancellationRequested();
        var n = inner.Read(buffer);
        _read += n;
        if (_read > declared)
            throw Refusal.Invalid("XLSX-SIZE-MISMATCH", ("part", part));
        if (markup) Watch(buffer[..n]);
        return n;
    }

    private void Watch(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            var end = bytes.IndexOf(_inTag ? (byte)'>' : (byte)'<');
            var run = end < 0 ? bytes.Length : end;
            _run += run;
            if (_inTag && _run > limits.MaxTagBytes) throw Refusal.Invalid("XLSX-MARKUP", ("part", part));
            if (!_inTag && _run > _maxTextBytes) throw Refusal.TooLarge("XLSX-CELL-TOO-LONG", ("limit", limits.MaxCellChars));
            if (end < 0) return;
            (_inTag, _run) = (!_inTag, 0);
            bytes = bytes[(end + 1)..];
        }
    }

    /// <summary>Reads the part to its end (a part the reader does not parse is still unpacked once, to measure it).</summary>
    public void Drain()
    {
        var buffer = new byte[64 * 1024];
        while (Read(buffer) > 0)
        {
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
