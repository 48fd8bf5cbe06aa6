using CertGuard.Browser.Tests.Infrastructure;
using System.Formats.Cbor;
using System.IO.Compression;
using CertGuard.Core.Credentials;
using CertGuard.Data.Credentials;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Browser.Tests;

/// <summary>
/// QR texts made to fail at each stage of the decoder, most of them signed with Guangzhou's real key (taken from the
/// platform's key ring), so that a failure past the signature stage is reachable at all: a changed character in a
/// genuine text almost always breaks the zlib layer first.
/// </summary>
internal static class VerifyCraftedQr
{
    private const string City = VerifyQrCodes.Es256City;

    public static async Task<IReadOnlyList<(string Label, string Text)>> AllAsync(BrowserApp app)
    {
        using var scope = app.Services.CreateScope();
        using var key = await scope.ServiceProvider.GetRequiredService<KeyRing>().ActiveKeyAsync(City, CredentialKeyRecord.CertificatePurpose);
        using var stranger = SigningKey.Generate(CoseAlgorithm.ES256);
        var now = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var claims = new Cg1Claims(City, now.AddMinutes(-5), now.AddYears(1), "11010519491231002X", "张三", "M", "11010519491231002X", "1", "1.1",
            day.AddYears(-1), day.AddYears(-1), day.AddYears(1), day.AddYears(1), City, $"{City}-1", 4711);
        var good = CoseSign1.Sign(key, claims.ToCbor());
        var tamperedSignature = (byte[])good.Clone();
        tamperedSignature[^1] ^= 0x01;
        var tamperedPayload = (byte[])good.Clone();
        tamperedPayload[good.Length - 64 - 30] ^= 0x01; // inside the claims, before the 64-byte signature

        (string, object)[] Fields(params (string, object)[] changes)
        {
            var fields = new Dictionary<string, object>
            {
                ["v"] = 1, ["no"] = claims.Number, ["nm"] = claims.Name, ["sx"] = "M", ["id"] = claims.IdNumber, ["cat"] = "1", ["it"] = "1.1",
                ["fi"] = "2024-01-10", ["vf"] = "2024-01-10", ["vt"] = "2030-01-09", ["rd"] = "2027-01-10", ["au"] = City, ["sl"] = new object[] { $"{City}-1", 4711 },
            };
            foreach (var (name, value) in changes)
            {
                if (value is null) fields.Remove(name);
                else fields[name] = value;
            }
            return [.. fields.Select(f => (f.Key, f.Value))];
        }

        return
        [
            ("signed, not in the registry", Text(good)),
            ("inside a CWT tag", Text([0xd8, 0x3d, .. good])),
            ("expired", Text(CoseSign1.Sign(key, (claims with { ExpiresAt = now.AddDays(-1) }).ToCbor()))),
            ("not yet valid", Text(CoseSign1.Sign(key, (claims with { IssuedAt = now.AddHours(2) }).ToCbor()))),
            ("unknown status list", Text(CoseSign1.Sign(key, (claims with { StatusListId = $"{City}-99" }).ToCbor()))),
            ("key not on the trust list", Text(CoseSign1.Sign(stranger, claims.ToCbor()))),
            ("signature altered", Text(tamperedSignature)),
            ("claims altered", Text(tamperedPayload)),
            ("schema version 2", Text(CoseSign1.Sign(key, Claims(now, Fields(("v", 2)))))),
            ("name missing", Text(CoseSign1.Sign(key, Claims(now, Fields(("nm", null!)))))),
            ("date not a date", Text(CoseSign1.Sign(key, Claims(now, Fields(("vt", "2030-02-30")))))),
            ("status entry of the wrong shape", Text(CoseSign1.Sign(key, Claims(now, Fields(("sl", new object[] { $"{City}-1" })))))),
            ("claim of a wrong type", Text(CoseSign1.Sign(key, Claims(now, Fields(("nm", new object[] { "张三" })))))),
            ("claims not CBOR", Text(CoseSign1.Sign(key, [0xff, 0x00]))),
            ("float dates", Text(CoseSign1.Sign(key, Claims(now, Fields(), floatDates: true)))),
            ("SM2 alg on an ES256 key", Text(Cose(-65601, key.Kid, claims.ToCbor(), new byte[64]))),
            ("unsupported alg", Text(Cose(-35, key.Kid, claims.ToCbor(), new byte[64]))),
            ("no kid", Text(Cose(-7, null, claims.ToCbor(), new byte[64]))),
            ("not a COSE_Sign1", Text(Cbor(w => { w.WriteStartArray(3); w.WriteInt32(1); w.WriteInt32(2); w.WriteInt32(3); w.WriteEndArray(); }))),
            ("zlib bomb", Text(new byte[20_000])),
            ("empty zlib", Text([])),
        ];
    }

    /// <summary>"CG1:" + Base45(zlib(bytes)).</summary>
    private static string Text(byte[] cose)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(cose);
        return "CG1:" + Base45.Encode(output.ToArray());
    }

    private static byte[] Cbor(Action<CborWriter> write)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        write(writer);
        return writer.Encode();
    }

    /// <summary>A COSE_Sign1 with the header values given (alg and kid may be left out), unchecked.</summary>
    private static byte[] Cose(int alg, byte[]? kid, byte[] payload, byte[] signature)
    {
        var header = Cbor(w =>
        {
            w.WriteStartMap(kid is null ? 1 : 2);
            w.WriteInt32(1);
            w.WriteInt32(alg);
            if (kid is not null)
            {
                w.WriteInt32(4);
                w.WriteByteString(kid);
            }
            w.WriteEndMap();
        });
        return Cbor(w =>
        {
            w.WriteTag((CborTag)18);
            w.WriteStartArray(4);
            w.WriteByteString(header);
            w.WriteStartMap(0);
            w.WriteEndMap();
            w.WriteByteString(payload);
            w.WriteByteString(signature);
            w.WriteEndArray();
        });
    }

    /// <summary>CWT claims with the certificate map given field by field (strings, integers, arrays of those).</summary>
    private static byte[] Claims(DateTimeOffset now, (string Name, object Value)[] fields, bool floatDates = false) => Cbor(w =>
    {
        w.WriteStartMap(4);
        w.WriteInt32(1);
        w.WriteTextString(City);
        w.WriteInt32(4);
        if (floatDates) w.WriteDouble(now.AddYears(1).ToUnixTimeSeconds() + 0.5);
        else w.WriteInt64(now.AddYears(1).ToUnixTimeSeconds());
        w.WriteInt32(6);
        if (floatDates) w.WriteSingle(now.AddMinutes(-5).ToUnixTimeSeconds());
        else w.WriteInt64(now.AddMinutes(-5).ToUnixTimeSeconds());
        w.WriteInt32(-65537);
        w.WriteStartMap(fields.Length);
        foreach (var (name, value) in fields)
        {
            w.WriteTextString(name);
            Value(w, value);
        }
        w.WriteEndMap();
        w.WriteEndMap();
    });

    private static void Value(CborWriter w, object value)
    {
        switch (value)
        {
            case string s:
                w.WriteTextString(s);
                break;
            case int i:
                w.WriteInt32(i);
                break;
            case object[] items:
                w.WriteStartArray(items.Length);
                foreach (var item in items) Value(w, item);
                w.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"No CBOR for {value.GetType()}.", nameof(value));
        }
    }
}
