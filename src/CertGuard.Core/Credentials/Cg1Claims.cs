using System.Formats.Cbor;
using System.Globalization;

namespace CertGuard.Core.Credentials;

/// <summary>
/// What a CG1 QR code asserts (DESIGN.md §5): CWT claims 1 iss, 6 iat, 4 exp, and the private claim -65537 with the
/// certificate's fields. Dates are "YYYY-MM-DD" in UTC+8.
/// </summary>
public sealed record Cg1Claims(
    string Issuer,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    string Number,
    string Name,
    string Sex,
    string IdNumber,
    string Category,
    string Item,
    DateOnly FirstIssued,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    DateOnly ReviewDue,
    string Authority,
    string StatusListId,
    int StatusIndex)
{
    public const int SchemaVersion = 1;
    private const int IssuerClaim = 1;
    private const int ExpiresClaim = 4;
    private const int IssuedAtClaim = 6;
    private const int CertificateClaim = -65537;

    public byte[] ToCbor()
    {
        var w = new CborWriter(CborConformanceMode.Canonical);
        w.WriteStartMap(4);
        w.WriteInt32(IssuerClaim);
        w.WriteTextString(Issuer);
        w.WriteInt32(ExpiresClaim);
        w.WriteInt64(ExpiresAt.ToUnixTimeSeconds());
        w.WriteInt32(IssuedAtClaim);
        w.WriteInt64(IssuedAt.ToUnixTimeSeconds());
        w.WriteInt32(CertificateClaim);
        w.WriteStartMap(13);
        Text(w, "v", null, SchemaVersion);
        Text(w, "no", Number);
        Text(w, "nm", Name);
        Text(w, "sx", Sex);
        Text(w, "id", IdNumber);
        Text(w, "cat", Category);
        Text(w, "it", Item);
        Text(w, "fi", Date(FirstIssued));
        Text(w, "vf", Date(ValidFrom));
        Text(w, "vt", Date(ValidTo));
        Text(w, "rd", Date(ReviewDue));
        Text(w, "au", Authority);
        w.WriteTextString("sl");
        w.WriteStartArray(2);
        w.WriteTextString(StatusListId);
        w.WriteInt32(StatusIndex);
        w.WriteEndArray();
        w.WriteEndMap();
        w.WriteEndMap();
        return w.Encode();
    }

    /// <summary>Reads and checks the schema; null (with a reason) when a claim is missing or of the wrong type.</summary>
    public static Cg1Claims? TryRead(byte[] cbor, out string? problem)
    {
        problem = null;
        try
        {
            var cwt = CwtMap.Read(cbor);
            if (cwt.Issuer is null || cwt.IssuedAt is null || cwt.ExpiresAt is null) return Fail("缺少 iss / iat / exp", out problem);
            if (cwt.Private(CertificateClaim) is not { } fields) return Fail("缺少证书数据（-65537）", out problem);
            var map = ReadTextMap(fields);
            if (!map.TryGetValue("v", out var v) || v is not long version || version != SchemaVersion) return Fail("版本号 v 不是 1", out problem);
            string? S(string key) => map.TryGetValue(key, out var o) ? o as string : null;
            DateOnly? D(string key) => DateOnly.TryParseExact(S(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            if (!map.TryGetValue("sl", out var sl) || sl is not object[] { Length: 2 } pair || pair[0] is not string listId || pair[1] is not long index
                || index is < 0 or > int.MaxValue)
                return Fail("状态列表 sl 格式错误", out problem);
            var texts = new[] { S("no"), S("nm"), S("sx"), S("id"), S("cat"), S("it"), S("au") };
            var dates = new[] { D("fi"), D("vf"), D("vt"), D("rd") };
            if (texts.Any(t => t is null) || dates.Any(d => d is null)) return Fail("字段缺失或类型错误", out problem);
            return new Cg1Claims(cwt.Issuer, cwt.IssuedAt.Value, cwt.ExpiresAt.Value, texts[0]!, texts[1]!, texts[2]!, texts[3]!, texts[4]!, texts[5]!,
                dates[0]!.Value, dates[1]!.Value, dates[2]!.Value, dates[3]!.Value, texts[6]!, listId, (int)index);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return Fail("CBOR 格式错误", out problem);
        }
    }

    private static Cg1Claims? Fail(string reason, out string? problem)
    {
        problem = reason;
        return null;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Text(CborWriter w, string key, string? value, int? number = null)
    {
        w.WriteTextString(key);
        if (number is { } n) w.WriteInt32(n);
        else w.WriteTextString(value!);
    }

    /// <summary>A map with text keys and text, integer or array values; anything else is a schema error.</summary>
    private static Dictionary<string, object> ReadTextMap(byte[] cbor)
    {
        var reader = new CborReader(cbor, CborConformanceMode.Lax);
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        var count = reader.ReadStartMap() ?? throw new FormatException("indefinite map");
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadTextString();
            map[key] = ReadValue(reader, depth: 0);
        }
        reader.ReadEndMap();
        return map;
    }

    private static object ReadValue(CborReader reader, int depth) => reader.PeekState() switch
    {
        CborReaderState.TextString => reader.ReadTextString(),
        CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => reader.ReadInt64(),
        CborReaderState.StartArray when depth == 0 => ReadArray(reader),
        _ => throw new FormatException("unexpected claim type"),
    };

    private static object[] ReadArray(CborReader reader)
    {
        var count = reader.ReadStartArray() ?? throw new FormatException("indefinite array");
        if (count > 16) throw new FormatException("array too long");
        var items = new object[count];
        for (var i = 0; i < count; i++) items[i] = ReadValue(reader, depth: 1);
        reader.ReadEndArray();
        return items;
    }
}
