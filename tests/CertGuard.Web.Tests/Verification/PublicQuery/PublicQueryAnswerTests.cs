using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertGuard.Core.Certificates;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Verification.PublicQuery;

/// <summary>
/// The public query as a worker and an employer use it (a genuine certificate in one step) and as a forger probes it
/// (an unknown number and a wrong name give the same answer; the full ID number is never shown).
/// </summary>
public abstract class PublicQueryAnswerTests(PublicQueryApp app)
{
    [Fact]
    public async Task A_genuine_certificate_answers_in_one_step_with_its_state_masked_number_and_authority()
    {
        var (certificate, holderCertificates) = await app.TakeAsync(CertificateState.Valid);
        string authority;
        await using (var db = app.SystemDb())
            authority = (await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == certificate.IssuingAuthorityId)).Name;

        var response = await app.Client().GetAsync(Url("T" + certificate.Number, certificate.HolderName));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadAsStringAsync();
        var answer = JsonDocument.Parse(body).RootElement;

        Assert.True(answer.GetProperty("found").GetBoolean());
        var certificates = answer.GetProperty("certificates").EnumerateArray().ToList();
        Assert.Equal(holderCertificates.Select(c => c.ItemCode), certificates.Select(c => c.GetProperty("itemCode").GetString()));
        var shown = certificates.Single(c => c.GetProperty("itemCode").GetString() == certificate.ItemCode);
        Assert.Equal("Valid", shown.GetProperty("state").GetString());
        Assert.Equal("有效", shown.GetProperty("stateName").GetString());
        Assert.Equal(certificate.MaskedNumber, shown.GetProperty("maskedNumber").GetString());
        Assert.Equal(certificate.HolderName, shown.GetProperty("name").GetString());
        Assert.Equal(authority, shown.GetProperty("authority").GetString());
        Assert.Equal(certificate.ValidTo.ToString("yyyy-MM-dd"), shown.GetProperty("validTo").GetString());
        Assert.Equal(certificate.NextReviewDue.ToString("yyyy-MM-dd"), shown.GetProperty("nextReviewDue").GetString());
        Assert.True(Http.HasChinese(shown.GetProperty("itemName").GetString()));
        // Never the full ID number, in any field.
        Assert.DoesNotContain(certificate.Number, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Number_and_name_are_read_as_people_type_them()
    {
        var (certificate, _) = await app.TakeAsync(CertificateState.Valid);
        var fullWidth = new string(certificate.Number.Select(c => (char)(c + 0xFEE0)).ToArray());
        var spacedName = $"  {certificate.HolderName[0]}\u3000{certificate.HolderName[1..]} ";

        foreach (var (no, name) in new[] { (fullWidth, spacedName), ("t" + certificate.Number.ToLowerInvariant(), certificate.HolderName) })
        {
            var answer = await app.Client().GetFromJsonAsync<JsonElement>(Url(no, name));
            Assert.True(answer.GetProperty("found").GetBoolean(), $"{no} / {name}");
        }
    }

    [Fact]
    public async Task A_minority_name_matches_whichever_middle_dot_is_typed()
    {
        var number = await IssueAsync("阿卜杜·热合曼");
        foreach (var typed in new[] { "阿卜杜•热合曼", "阿卜杜‧热合曼", "阿卜杜・热合曼 ", "阿卜杜 · 热合曼" })
        {
            var answer = await app.Client().GetFromJsonAsync<JsonElement>(Url(number, typed));
            Assert.True(answer.GetProperty("found").GetBoolean(), typed);
            Assert.Equal("阿卜杜·热合曼", answer.GetProperty("certificates")[0].GetProperty("name").GetString());
        }
        var other = await app.Client().GetFromJsonAsync<JsonElement>(Url(number, "阿卜杜热合曼买买提"));
        Assert.False(other.GetProperty("found").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_number_and_a_wrong_name_give_the_same_answer_with_the_same_shape_and_status()
    {
        var (certificate, _) = await app.TakeAsync(CertificateState.Valid);

        var wrongName = await app.Client().GetAsync(Url(certificate.Number, "查无此人"));
        var unknownNumber = await app.Client().GetAsync(Url(PublicQueryApp.UnknownNumber(), certificate.HolderName));

        Assert.Equal(HttpStatusCode.OK, wrongName.StatusCode);
        Assert.Equal(wrongName.StatusCode, unknownNumber.StatusCode);
        Assert.Equal(wrongName.Content.Headers.ContentType?.ToString(), unknownNumber.Content.Headers.ContentType?.ToString());
        var a = WithoutTime(await wrongName.Content.ReadAsStringAsync());
        var b = WithoutTime(await unknownNumber.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(a, b), $"{a.ToJsonString()} / {b.ToJsonString()}");
        Assert.Equal(["found", "message", "hint", "certificates"], a.Select(p => p.Key));
        Assert.False(a["found"]!.GetValue<bool>());
        Assert.Equal("未查到与该证号和姓名相符的证书。", a["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_number_that_fails_its_check_character_is_not_found_with_a_hint_about_the_typing()
    {
        var number = PublicQueryApp.UnknownNumber();
        var wrongCheck = number[..17] + (number[17] == '0' ? '1' : '0');

        var answer = await app.Client().GetFromJsonAsync<JsonElement>(Url(wrongCheck, "张三"));

        Assert.False(answer.GetProperty("found").GetBoolean());
        Assert.Contains("校验位", answer.GetProperty("hint").GetString(), StringComparison.Ordinal);
        var tooShort = await app.Client().GetFromJsonAsync<JsonElement>(Url("44010619900101", "张三"));
        Assert.Contains("18位", tooShort.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "张三", "PUBLIC-QUERY-NUMBER-REQUIRED")]
    [InlineData("440106199001011234", "", "PUBLIC-QUERY-NAME-REQUIRED")]
    [InlineData("440106199001011234", null, "PUBLIC-QUERY-NAME-REQUIRED")]
    [InlineData(null, "张三", "PUBLIC-QUERY-NUMBER-REQUIRED")]
    public async Task Number_and_name_are_both_required(string? no, string? name, string code)
    {
        var query = string.Join("&", new[] { no is null ? null : $"no={Uri.EscapeDataString(no)}", name is null ? null : $"name={Uri.EscapeDataString(name)}" }.Where(p => p is not null));
        var response = await app.Client().GetAsync($"/api/v1/public/verify?{query}");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_revoked_certificate_shows_the_date_and_the_kind_of_reason_only()
    {
        var (certificate, _) = await app.TakeAsync(CertificateState.Valid);
        var today = ChinaTime.Today(app.Clock());
        await using (var db = app.SystemDb())
        {
            var tracked = await db.Certificates.IgnoreQueryFilters().SingleAsync(c => c.Id == certificate.Id);
            tracked.Revoke(RevocationReason.FraudOrBribery, today, "test", app.Rules(), app.Clock());
            await db.SaveChangesAsync();
        }

        var answer = await app.Client().GetFromJsonAsync<JsonElement>(Url(certificate.Number, certificate.HolderName));

        var shown = answer.GetProperty("certificates").EnumerateArray().Single(c => c.GetProperty("itemCode").GetString() == certificate.ItemCode);
        Assert.Equal("Revoked", shown.GetProperty("state").GetString());
        Assert.Equal("已撤销", shown.GetProperty("stateName").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd"), shown.GetProperty("stateDate").GetString());
        Assert.Equal("以欺骗、贿赂等不正当手段取得", shown.GetProperty("reasonKind").GetString());
    }

    internal static string Url(string no, string name) => $"/api/v1/public/verify?no={Uri.EscapeDataString(no)}&name={Uri.EscapeDataString(name)}";

    private static JsonObject WithoutTime(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.True(node.Remove("checkedAt"));
        return node;
    }

    private async Task<string> IssueAsync(string name)
    {
        var number = PublicQueryApp.UnknownNumber();
        await using var db = app.SystemDb();
        var authority = await db.Organisations.AsNoTracking().FirstAsync(o => o.Kind == "issuing-authority" && o.RegionCode == "440100");
        var holder = Core.Holders.ResidentIdNumber.Parse(number, ChinaTime.Today(app.Clock()));
        db.Certificates.Add(Certificate.Issue(new IssueRequest(holder, name, "1.1", ChinaTime.Today(app.Clock()).AddYears(-1), "440100", authority.Id, null, "test"),
            app.Rules(), app.Clock()));
        await db.SaveChangesAsync();
        return number;
    }
}

[Collection(SqlitePublicQueryCollection.Name)]
public sealed class SqlitePublicQueryAnswerTests(SqlitePublicQueryApp app) : PublicQueryAnswerTests(app);

[Collection(PostgresPublicQueryCollection.Name)]
public sealed class PostgresPublicQueryAnswerTests(PostgresPublicQueryApp app) : PublicQueryAnswerTests(app);
