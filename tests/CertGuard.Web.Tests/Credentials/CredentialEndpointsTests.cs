using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Time;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Credentials;

/// <summary>The signed QR as an inspector meets it: printed, verified, revoked, tampered with, and checked offline.</summary>
public abstract class CredentialEndpointsTests(CertGuardApp app)
{
    // One changed character breaks the signature, or an earlier layer when it lands in a length or checksum.
    private static readonly string[] TamperCodes = ["CG1-SIG-INVALID", "CG1-ZLIB", "CG1-COSE", "CG1-BASE45"];

    [Fact]
    public async Task Qr_of_a_valid_certificate_verifies_online_and_offline_against_the_published_trust_list()
    {
        var (id, text) = await QrOfAsync("440100", CertificateState.Valid);
        Assert.StartsWith("CG1:", text, StringComparison.Ordinal);

        var online = await VerifyAsync(text);
        Assert.True(online.GetProperty("valid").GetBoolean(), online.ToString());
        Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", online.GetProperty("certificate").GetProperty("maskedNumber").GetString()!);

        // Offline: only the published, root-signed files — what a phone or the CLI holds.
        var anonymous = app.CreateClient();
        var rootKey = await anonymous.GetFromJsonAsync<JsonElement>("/.well-known/certguard/root-key.json");
        var root = VerificationKey.FromSubjectPublicKeyInfo(Convert.FromBase64String(rootKey.GetProperty("subjectPublicKeyInfo").GetString()!))!;
        var trust = SignedJson.TryVerify<TrustList>(await anonymous.GetStringAsync("/.well-known/certguard/trust-list.json"), root)!;
        await using var db = app.SystemDb();
        var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id);
        var statusDocument = SignedJson.TryVerify<StatusListDocument>(await anonymous.GetStringAsync($"/.well-known/certguard/status/{certificate.StatusListId}"), root)!;
        var status = StatusList.TryDecode(statusDocument.Bits)!;

        var offline = Cg1Codec.Verify(text, trust.Resolver(), DateTimeOffset.UtcNow, (_, index) => status[index] ? StatusOutcome.Revoked : StatusOutcome.Good);
        Assert.True(offline.Valid, offline.Code);
        Assert.Equal(certificate.HolderName, offline.Claims!.Name);
        Assert.Equal(ChinaTime.EndOfDay(certificate.ValidTo).ToUnixTimeSeconds(), offline.Claims.ExpiresAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Revoking_a_certificate_sets_its_status_bit_and_its_qr_then_fails()
    {
        var (id, text) = await QrOfAsync("440100", CertificateState.Valid, skip: 3);
        var before = await StatusDocumentAsync(id);

        await using (var db = app.SystemDb())
        {
            var certificate = await db.Certificates.SingleAsync(c => c.Id == id);
            certificate.Revoke(RevocationReason.FraudOrBribery, ChinaTime.Today(TimeProvider.System), "test", CertificateRules.Order30, TimeProvider.System);
            await db.SaveChangesAsync();
        }

        var after = await StatusDocumentAsync(id);
        Assert.True(after.Document.Version > before.Document.Version);
        Assert.False(StatusList.TryDecode(before.Document.Bits)![before.Index]);
        Assert.True(StatusList.TryDecode(after.Document.Bits)![after.Index]);

        var result = await VerifyAsync(text);
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal("CG1-REVOKED", result.GetProperty("code").GetString());
        Assert.Equal("Status", result.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task After_a_replacement_with_a_corrected_name_the_old_QR_is_superseded_online_and_revoked_offline()
    {
        var (id, oldText) = await QrOfAsync("440100", CertificateState.Valid, skip: 5);
        var authority = app.ApiClient(Role.IssuingAuthority.Id);
        int version;
        await using (var db = app.SystemDb())
            version = (await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id)).Version;

        var replaced = await authority.PostAsJsonAsync($"/api/v1/certificates/{id}/replacement", new { version, newHolderName = "李更正", note = "姓名更正" });
        Assert.True(replaced.IsSuccessStatusCode, await replaced.Content.ReadAsStringAsync());

        var old = await VerifyAsync(oldText);
        Assert.False(old.GetProperty("valid").GetBoolean());
        Assert.Equal("CG1-REGISTRY-SUPERSEDED", old.GetProperty("code").GetString());
        Assert.Contains("现行证书", old.GetProperty("message").GetString(), StringComparison.Ordinal);

        var newText = await authority.GetStringAsync($"/api/v1/certificates/{id}/qr?format=text");
        var current = await VerifyAsync(newText);
        Assert.True(current.GetProperty("valid").GetBoolean(), current.ToString());
        Assert.Equal("李更正", current.GetProperty("certificate").GetProperty("name").GetString());

        // Offline, with only the published lists: the old card's place is retired, its bit set.
        var (document, newIndex) = await StatusDocumentAsync(id);
        var decodedOld = await ClaimsAsync(oldText);
        Assert.NotEqual((decodedOld.StatusListId, decodedOld.StatusIndex), (document.Id, newIndex));
        var oldList = decodedOld.StatusListId == document.Id ? document : await SignedStatusAsync(decodedOld.StatusListId);
        Assert.True(StatusList.TryDecode(oldList.Bits)![decodedOld.StatusIndex]);
        Assert.False(StatusList.TryDecode(document.Bits)![newIndex]);
    }

    [Fact]
    public async Task Only_the_citys_issuing_authority_and_the_province_office_get_a_qr_and_each_issue_is_audited_as_a_full_id_view()
    {
        var (id, _) = await QrOfAsync("440100", CertificateState.Valid, skip: 7);
        // Police, regulators, the city office, employers: no QR text, image or print page (the QR holds the full ID number).
        foreach (var role in new[] { Role.Police, Role.MarketRegulation, Role.CityOffice, Role.Cyberspace, Role.Employer })
        {
            var refused = await app.ApiClient(role.Id).GetAsync($"/api/v1/certificates/{id}/qr?format=text");
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "QR-ISSUE-FORBIDDEN");
            Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()), role.Id);
            Assert.DoesNotContain("CG1:", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var police = await app.SignedInClientAsync(Role.Police.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/registry/certificate/{id}/print")).StatusCode);

        var authority = app.ApiClient(Role.IssuingAuthority.Id);
        var response = await authority.GetAsync($"/api/v1/certificates/{id}/qr?format=png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "a QR answer must not be cached");

        await using var db = app.SystemDb();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "view-full-id" && e.EntityId == id.ToString()).ToListAsync();
        var account = app.Account(Role.IssuingAuthority.Id).UserName;
        Assert.Contains(entries, e => e.Actor == account && (e.After ?? "").Contains("qr-api", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_altered_character_is_refused_and_malformed_text_gets_a_chinese_problem_free_answer()
    {
        var (_, text) = await QrOfAsync("440100", CertificateState.Valid, skip: 1);
        var middle = text.Length / 2;
        var altered = text[..middle] + (text[middle] == 'A' ? 'B' : 'A') + text[(middle + 1)..];

        var result = await VerifyAsync(altered);
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Contains(result.GetProperty("code").GetString(), TamperCodes);

        var garbage = await VerifyAsync("HELLO");
        Assert.Equal("CG1-PREFIX", garbage.GetProperty("code").GetString());
        Assert.Contains("CG1:", garbage.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sm2_authorities_sign_with_sm2_and_their_qr_verifies()
    {
        var (_, text) = await QrOfAsync("440300", CertificateState.Valid);
        var result = await VerifyAsync(text);
        Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
        var trust = await app.CreateClient().GetStringAsync("/.well-known/certguard/trust-list.json");
        Assert.Contains("SM2-SM3", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(PadBase64(JsonDocument.Parse(trust).RootElement.GetProperty("payload").GetString()!))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qr_api_is_scoped_and_renders_png_and_svg()
    {
        var (id, _) = await QrOfAsync("440100", CertificateState.Valid);
        var client = app.ApiClient(Role.IssuingAuthority.Id);
        var png = await client.GetAsync($"/api/v1/certificates/{id}/qr?format=png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await png.Content.ReadAsByteArrayAsync())[..4]);
        var svg = await client.GetStringAsync($"/api/v1/certificates/{id}/qr?format=svg");
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        var bad = await client.GetAsync($"/api/v1/certificates/{id}/qr?format=gif");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // A Shenzhen certificate is out of the Guangzhou authority's reach.
        var (shenzhen, _) = await QrOfAsync("440300", CertificateState.Valid);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/certificates/{shenzhen}/qr")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/certificates/{id}/qr")).StatusCode);
    }

    [Fact]
    public async Task Qr_api_finds_a_certificate_by_its_printed_number_and_asks_for_the_item_when_the_holder_has_several()
    {
        await using var db = app.SystemDb();
        var several = await db.Certificates.AsNoTracking().Where(c => c.RegionCode == "440100")
            .GroupBy(c => c.Number).Where(g => g.Count() > 1).Select(g => g.Key).OrderBy(n => n).FirstAsync();
        var items = await db.Certificates.AsNoTracking().Where(c => c.Number == several).Select(c => c.ItemCode).ToListAsync();
        var singleNumber = await db.Certificates.AsNoTracking().Where(c => c.RegionCode == "440100")
            .GroupBy(c => c.Number).Where(g => g.Count() == 1).Select(g => g.Key).OrderBy(n => n).FirstAsync();
        var single = await db.Certificates.AsNoTracking().SingleAsync(c => c.Number == singleNumber);
        var client = app.ApiClient(Role.IssuingAuthority.Id);

        // As printed on the card, with the leading T.
        var text = await client.GetStringAsync($"/api/v1/certificates/T{single.Number}/qr?format=text");
        var printed = (await VerifyAsync(text)).GetProperty("certificate");
        Assert.Equal(single.MaskedNumber, printed.GetProperty("maskedNumber").GetString());
        Assert.Equal(single.ItemCode, printed.GetProperty("item").GetString());

        var ambiguous = await client.GetAsync($"/api/v1/certificates/{several}/qr");
        Assert.Equal(HttpStatusCode.Conflict, ambiguous.StatusCode);
        var problem = await ambiguous.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CERT-AMBIGUOUS", problem.GetProperty("code").GetString());
        Assert.All(items, item => Assert.Contains(item, problem.GetProperty("detail").GetString(), StringComparison.Ordinal));

        var chosen = await client.GetStringAsync($"/api/v1/certificates/{several}/qr?item={items[0]}");
        var verified = await VerifyAsync(chosen);
        Assert.True(verified.GetProperty("valid").GetBoolean() || verified.GetProperty("stage").GetString() is "Dates" or "Status" or "Registry", verified.ToString());
        Assert.Equal(items[0], verified.GetProperty("certificate").GetProperty("item").GetString());
    }

    [Fact]
    public async Task Well_known_files_carry_etags_and_answer_304_when_unchanged()
    {
        var client = app.CreateClient();
        var first = await client.GetAsync("/.well-known/certguard/trust-list.json");
        Assert.Contains("max-age", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/.well-known/certguard/trust-list.json");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/.well-known/certguard/status/nope-1")).StatusCode);
    }

    private async Task<(Guid Id, string Text)> QrOfAsync(string city, CertificateState state, int skip = 0)
    {
        var client = app.ApiClient(Role.ProvinceOffice.Id);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?city={city}&status={state}&pageSize=20");
        var id = page.GetProperty("items")[skip].GetProperty("id").GetGuid();
        return (id, await client.GetStringAsync($"/api/v1/certificates/{id}/qr?format=text"));
    }

    private async Task<JsonElement> VerifyAsync(string text)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/verify/qr", new { text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(StatusListDocument Document, int Index)> StatusDocumentAsync(Guid id)
    {
        await using var db = app.SystemDb();
        var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id);
        var root = await app.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/certguard/root-key.json");
        var key = VerificationKey.FromSubjectPublicKeyInfo(Convert.FromBase64String(root.GetProperty("subjectPublicKeyInfo").GetString()!))!;
        var document = SignedJson.TryVerify<StatusListDocument>(await app.CreateClient().GetStringAsync($"/.well-known/certguard/status/{certificate.StatusListId}"), key)!;
        return (document, certificate.StatusIndex!.Value);
    }

    /// <summary>The claims of a genuine QR, checked against the published trust list (no dates, no status).</summary>
    private async Task<Cg1Claims> ClaimsAsync(string text)
    {
        var trust = SignedJson.TryVerify<TrustList>(await app.CreateClient().GetStringAsync("/.well-known/certguard/trust-list.json"), await RootAsync())!;
        var result = Cg1Codec.Verify(text, trust.Resolver(), null);
        return result.Claims ?? throw new InvalidOperationException(result.Code);
    }

    private async Task<VerificationKey> RootAsync()
    {
        var root = await app.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/certguard/root-key.json");
        return VerificationKey.FromSubjectPublicKeyInfo(Convert.FromBase64String(root.GetProperty("subjectPublicKeyInfo").GetString()!))!;
    }

    private async Task<StatusListDocument> SignedStatusAsync(string listId) =>
        SignedJson.TryVerify<StatusListDocument>(await app.CreateClient().GetStringAsync($"/.well-known/certguard/status/{listId}"), await RootAsync())!;

    private static string PadBase64(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }
}

public sealed class SqliteCredentialEndpointsTests(SqliteApp app) : CredentialEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCredentialEndpointsTests(PostgresApp app) : CredentialEndpointsTests(app), IClassFixture<PostgresApp>;
