using CertGuard.Browser.Tests.Infrastructure;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Time;

namespace CertGuard.Browser.Tests;

/// <summary>Signed QR codes of demo certificates, fetched as an issuer would: through the QR API with an API key.</summary>
internal static class VerifyQrCodes
{
    /// <summary>Guangzhou (440100), the demo authority's city, signs with ES256.</summary>
    public const string Es256City = "440100";

    /// <summary>Shenzhen (440300) signs with SM2 (appsettings Credentials:Algorithms).</summary>
    public const string Sm2City = "440300";

    /// <summary>A valid certificate of the issuing authority (Guangzhou, ES256): its id and QR text.</summary>
    public static async Task<(Guid Id, string Text)> GenuineAsync(BrowserApp app)
    {
        var client = app.ApiClient("issuing-authority");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/certificates?status=Valid&pageSize=1");
        var id = page.GetProperty("items")[0].GetProperty("id").GetGuid();
        return (id, await client.GetStringAsync($"/api/v1/certificates/{id}/qr?format=text"));
    }

    public static Task<byte[]> PngAsync(BrowserApp app, Guid id) =>
        app.ApiClient("issuing-authority").GetByteArrayAsync($"/api/v1/certificates/{id}/qr?format=png");

    /// <summary>A revoked Guangzhou certificate still within its validity (so the dates stage passes and the status stage decides).</summary>
    public static async Task<string> RevokedAsync(BrowserApp app)
    {
        var client = app.ApiClient("province-office");
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?city={Es256City}&status=Revoked&pageSize=100");
        var today = ChinaTime.Today(TimeProvider.System);
        var id = page.GetProperty("items").EnumerateArray()
            .Where(c => DateOnly.Parse(c.GetProperty("validTo").GetString()!, CultureInfo.InvariantCulture) > today)
            .Select(c => c.GetProperty("id").GetGuid())
            .First();
        return await client.GetStringAsync($"/api/v1/certificates/{id}/qr?format=text");
    }

    /// <summary>A valid Shenzhen certificate: its QR is signed with SM2.</summary>
    public static async Task<string> Sm2Async(BrowserApp app)
    {
        var client = app.ApiClient("province-office");
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?city={Sm2City}&status=Valid&pageSize=1");
        var id = page.GetProperty("items")[0].GetProperty("id").GetGuid();
        return await client.GetStringAsync($"/api/v1/certificates/{id}/qr?format=text");
    }

    /// <summary>The text with one character in the middle replaced by another of the Base45 alphabet.</summary>
    public static string AlterMiddle(string text) => Alter(text, text.Length / 2);

    public static string Alter(string text, int index) => text[..index] + (text[index] == 'A' ? 'B' : 'A') + text[(index + 1)..];
}
