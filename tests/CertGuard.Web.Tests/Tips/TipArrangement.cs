using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Tips;
using CertGuard.Data.Audit;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Tips;

/// <summary>Helpers of the tips tests: a photo with GPS, filing a tip, the raw content of the tips' tables.</summary>
internal static class TipArrangement
{
    public const string Guangzhou = "440100";

    /// <summary>A tiny JPEG whose EXIF holds a GPS position (23°7' N): what a phone's camera writes.</summary>
    public static byte[] PhotoWithGps()
    {
        var tiny = Convert.FromBase64String(
            "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)v); tiff.Add((byte)(v >> 8)); }
        void U32(int v) { U16(v & 0xFFFF); U16(v >> 16); }
        tiff.AddRange("II"u8.ToArray()); U16(42); U32(8);
        U16(1); U16(0x8825); U16(4); U32(1); U32(26); U32(0); // IFD0: GPSInfo → offset 26
        U16(2);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray()); // GPSLatitudeRef
        U16(0x0002); U16(5); U32(3); U32(56); // GPSLatitude → offset 56
        U32(0);
        U32(23); U32(1); U32(7); U32(1); U32(0); U32(1);
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var app1 = new List<byte> { 0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2) };
        app1.AddRange(payload);
        // After SOI and the 18-byte APP0 (JFIF): the EXIF segment; the image ends with EOI.
        return tiny[..20].Concat(app1).Concat(tiny[20..]).Concat(new byte[] { 0xFF, 0xD9 }).ToArray();
    }

    public static bool HasGps(byte[] jpeg) =>
        MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(jpeg)).OfType<MetadataExtractor.Formats.Exif.GpsDirectory>().Any();

    /// <summary>A client at its own address, so per-address limits of one test do not touch another's.</summary>
    public static HttpClient Citizen(this CertGuardApp app, string address)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    public static async Task<string> FileTipAsync(this HttpClient client, string what, bool anonymous = true)
    {
        var response = await client.PostAsJsonAsync("/api/v1/public/tips", new
        {
            city = Guangzhou, kind = nameof(TipKind.WorkingWithFake), site = "白云区某建筑工地", what, anonymous,
            name = anonymous ? null : "李明", phone = anonymous ? null : "13800138000",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
    }

    public static async Task<Tip> TipByReceiptAsync(this CertGuardApp app, string receipt)
    {
        await using var db = app.SystemDb();
        var tips = await db.Tips.OrderByDescending(t => t.ReceivedAt).Take(50).ToListAsync();
        var vault = (Data.Tips.TipVault)app.Services.GetService(typeof(Data.Tips.TipVault))!;
        return tips.Single(t => vault.Matches(t, receipt));
    }

    /// <summary>Every value of every row of the tips' tables and the audit log, as raw bytes (text as UTF-8).</summary>
    public static async Task<byte[]> RawTablesAsync(this CertGuardApp app)
    {
        await using var db = app.SystemDb();
        var all = new List<byte>();
        foreach (var type in new[] { typeof(Tip), typeof(TipMessage), typeof(TipFile), typeof(TipReward), typeof(AuditEntry) })
        {
            var table = db.Model.FindEntityType(type)!.GetTableName();
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    all.AddRange(value switch { byte[] b => b, DBNull => [], _ => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "") });
                    all.Add(0);
                }
            }
        }
        return [.. all];
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public static string Officer(this CertGuardApp app) => app.Account(Role.Inspector.Id).UserName;

    public static MultipartFormDataContent TipForm(string what, byte[] photo)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(Guangzhou), "city" },
            { new StringContent(nameof(TipKind.FakeCertificate)), "kind" },
            { new StringContent("天河区某商场装修现场"), "site" },
            { new StringContent(what), "what" },
            { new StringContent("true"), "anonymous" },
        };
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "files", "IMG_0001.jpg");
        return form;
    }
}
