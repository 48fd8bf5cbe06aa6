using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertGuard.Core.Accounts;
using CertGuard.Core.ReferenceData;
using CertGuard.Data.ReferenceData;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static CertGuard.Web.Tests.Lifecycle.LifecycleSteps;

namespace CertGuard.Web.Tests.ReferenceData;

/// <summary>
/// The province office loads a reference data version (preview as a difference, confirm, audited) and every instance
/// uses it from its effective date; nobody else may load one. Each test picks an effective date after the latest
/// version held, so the tests of the class do not depend on their order.
/// </summary>
public abstract class ReferenceDataTests(CertGuardApp app)
{
    private HttpClient Province => app.ApiClient(Role.ProvinceOffice.Id);

    /// <summary>
    /// Order 19's file as the province office would edit it: a new key and date, a review window and an added item
    /// (1.7, 1.8, …) that differ from every earlier test version's, so the difference always shows them.
    /// </summary>
    private async Task<(string Json, string Key, DateOnly From, int Window, string Item)> NewVersionAsync(Action<JsonObject>? change = null)
    {
        var versions = await Province.GetFromJsonAsync<JsonElement>("/api/v1/reference-data/versions");
        var latest = versions.EnumerateArray().Max(v => DateOnly.Parse(v.GetProperty("effectiveFrom").GetString()!, CultureInfo.InvariantCulture));
        var held = versions.GetArrayLength();
        var from = latest.AddYears(1);
        var key = "gd-" + from.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var json = JsonNode.Parse(ReferenceDataSet.Shipped.Find("order-19")!.Document.ToJson())!.AsObject();
        json["key"] = key;
        json["effectiveFrom"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        json["title"] = "广东省测试版本";
        json["certificateRules"]!["reviewWindowDays"] = 60 + held;
        json["catalogue"]!["categories"]![0]!["items"]!.AsArray().Add(new JsonObject { ["code"] = $"1.{5 + held}", ["name"] = "新能源发电作业" });
        change?.Invoke(json);
        return (json.ToJsonString(), key, from, 60 + held, $"1.{5 + held}");
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task RefusedAsync(HttpResponseMessage response, string code)
    {
        // The status comes from the refusal's kind (one mapping for the whole API); the code is this feature's.
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500 && text.Length > 0, $"Answered {(int)response.StatusCode}: {text} {response.Content.Headers.ContentType}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_version_is_previewed_as_a_difference_then_confirmed_audited_and_in_force_from_its_date()
    {
        var (json, key, from, window, item) = await NewVersionAsync();

        var preview = await Province.PostAsync("/api/v1/reference-data/versions/preview", Body(json));
        Assert.True(preview.StatusCode == HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var diff = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(key, diff.GetProperty("against").GetString());
        var changes = diff.GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("section").GetString() == "rules" && c.GetProperty("key").GetString() == "reviewWindowDays"
                                      && c.GetProperty("after").GetString() == window.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(changes, c => c.GetProperty("section").GetString() == "item" && c.GetProperty("key").GetString() == item && c.GetProperty("change").GetString() == "added");
        // A preview stores nothing.
        Assert.DoesNotContain(key, await Province.GetStringAsync("/api/v1/reference-data/versions"), StringComparison.Ordinal);

        var confirmed = await Province.PostAsync("/api/v1/reference-data/versions", Body(json));
        Assert.True(confirmed.StatusCode == HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());

        var versions = (await Province.GetFromJsonAsync<JsonElement>("/api/v1/reference-data/versions")).EnumerateArray().ToList();
        var mine = Assert.Single(versions, v => v.GetProperty("key").GetString() == key);
        Assert.Equal("loaded", mine.GetProperty("source").GetString());
        Assert.False(mine.GetProperty("inForceToday").GetBoolean());
        var before = await Province.GetFromJsonAsync<JsonElement>($"/api/v1/reference-data/in-force?date={from.AddDays(-1):yyyy-MM-dd}");
        Assert.NotEqual(key, before.GetProperty("key").GetString());
        Assert.NotEqual(window, before.GetProperty("rules").GetProperty("reviewWindowDays").GetInt32());
        var on = await Province.GetFromJsonAsync<JsonElement>($"/api/v1/reference-data/in-force?date={from:yyyy-MM-dd}");
        Assert.Equal(key, on.GetProperty("key").GetString());
        Assert.Equal(window, on.GetProperty("rules").GetProperty("reviewWindowDays").GetInt32());
        Assert.Contains(on.GetProperty("catalogue").GetProperty("categories")[0].GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == item);

        // Another instance reading the same database has it too.
        var other = new ReferenceDataProvider(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock(), NullLogger<ReferenceDataProvider>.Instance);
        Assert.Equal(key, other.Current.InForce(from).Key);
        Assert.Equal(window, other.RulesOn(from).ReviewWindowDays);

        await using var db = app.SystemDb();
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "reference-data.confirm" && e.EntityId == key);
        Assert.Equal(app.Account(Role.ProvinceOffice.Id).UserName, audit.Actor);
        var record = await db.Set<ReferenceDataRecord>().SingleAsync(r => r.Key == key);
        Assert.Equal(from, record.EffectiveFrom);
        Assert.Contains(record.Sha256, audit.After, StringComparison.Ordinal);

        // The same file again: its key is taken.
        await RefusedAsync(await Province.PostAsync("/api/v1/reference-data/versions", Body(json)), "REFDATA-KEY-TAKEN");
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_its_reason_and_nothing_is_stored()
    {
        var (past, _, _, _, _) = await NewVersionAsync(j => j["effectiveFrom"] = "2026-07-01");
        await RefusedAsync(await Province.PostAsync("/api/v1/reference-data/versions/preview", Body(past)), "REFDATA-EFFECTIVE-DATE");
        // The demo holds live 1.1 certificates: the item cannot be dropped.
        var (dropped, _, _, _, _) = await NewVersionAsync(j => j["catalogue"]!["categories"]![0]!["items"]!.AsArray().RemoveAt(0));
        await RefusedAsync(await Province.PostAsync("/api/v1/reference-data/versions", Body(dropped)), "REFDATA-ITEM-IN-USE");
        var (badWindow, _, _, _, _) = await NewVersionAsync(j => j["certificateRules"]!["reviewWindowDays"] = 0);
        await RefusedAsync(await Province.PostAsync("/api/v1/reference-data/versions/preview", Body(badWindow)), "REFDATA-RANGE");
        var (code, _, _, _, _) = await NewVersionAsync(j => j["catalogue"]!["categories"]![0]!["items"]![0]!["code"] = "1.a");
        await RefusedAsync(await Province.PostAsync("/api/v1/reference-data/versions/preview", Body(code)), "REFDATA-CODE-MALFORMED");
        await RefusedAsync(await Province.PostAsync("/api/v1/reference-data/versions/preview", Body("{not json")), "REFDATA-FORMAT");
        await RefusedAsync(await Province.PostAsync("/api/v1/reference-data/versions/preview", Body(new string(' ', ReferenceDataBook.MaxDocumentBytes + 10))), "REFDATA-TOO-LARGE");
        await RefusedAsync(await Province.GetAsync("/api/v1/reference-data/in-force?date=2026-13-01"), "REFDATA-DATE");

        await using var db = app.SystemDb();
        Assert.Equal(0, await db.Set<ReferenceDataRecord>().CountAsync(r => r.EffectiveFrom < new DateOnly(2027, 1, 1) || r.Title != "广东省测试版本"));
    }

    [Fact]
    public async Task Only_the_province_office_loads_a_version_others_read_them()
    {
        var (json, key, _, _, _) = await NewVersionAsync();
        var city = app.ApiClient(Role.CityOffice.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsync("/api/v1/reference-data/versions/preview", Body(json))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsync("/api/v1/reference-data/versions", Body(json))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/v1/reference-data/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/v1/penalty-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/reference-data/versions")).StatusCode);

        var cityPage = await app.SignedInClientAsync(Role.CityOffice.Id);
        var denied = await cityPage.GetAsync("/reference-data");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));

        await using var db = app.SystemDb();
        Assert.False(await db.Set<ReferenceDataRecord>().AnyAsync(r => r.Key == key));
    }

    [Fact]
    public async Task The_page_uploads_previews_the_difference_and_confirms()
    {
        var (json, key, from, _, item) = await NewVersionAsync();
        var browser = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var page = await browser.GetStringAsync("/reference-data");
        Assert.Contains("data-key=\"order-19\"", page, StringComparison.Ordinal);
        Assert.Contains("待确认", page, StringComparison.Ordinal);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(CertGuardApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "gd.json" },
        };
        var previewed = await browser.PostAsync("/reference-data?handler=preview", form);
        var html = await previewed.Content.ReadAsStringAsync();
        Assert.True(previewed.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("data-testid=\"refdata-preview\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-section=\"item\" data-key=\"{item}\" data-change=\"added\"", html, StringComparison.Ordinal);

        var document = System.Text.RegularExpressions.Regex.Match(html, "name=\"document\" value=\"([^\"]*)\"").Groups[1].Value;
        var confirmed = await browser.PostAsync("/reference-data?handler=confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(html), ["document"] = WebUtility.HtmlDecode(document),
        }));
        Assert.True(confirmed.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        var after = await browser.GetStringAsync("/reference-data");
        Assert.Contains($"data-key=\"{key}\"", after, StringComparison.Ordinal);
        Assert.Contains(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), after, StringComparison.Ordinal);

        // A refused file shows its reason on the page.
        using var bad = new MultipartFormDataContent
        {
            { new StringContent(CertGuardApp.AntiforgeryToken(after)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "gd.json" },
        };
        var refused = await browser.PostAsync("/reference-data?handler=preview", bad);
        Assert.True((int)refused.StatusCode is >= 400 and < 500);
        Assert.Contains("data-testid=\"refdata-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_penalty_rules_in_force_today_carry_the_Work_Safety_Law_Art_97_ranges()
    {
        var rules = await app.ApiClient(Role.CityOffice.Id).GetFromJsonAsync<JsonElement>("/api/v1/penalty-rules");
        Assert.Equal("order-19", rules.GetProperty("version").GetString()); // today is after 2026-06-01 and before any test version
        var penalties = rules.GetProperty("penalties").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
        var notCorrected = penalties["EMPLOYER-UNCERTIFIED-WORKER-NOT-CORRECTED"];
        Assert.Equal((100_000, 200_000), (notCorrected.GetProperty("minimumFine").GetInt32(), notCorrected.GetProperty("maximumFine").GetInt32()));
        Assert.Contains("第九十七条", notCorrected.GetProperty("legalBasis").GetString(), StringComparison.Ordinal);
        Assert.Equal("≤ 100,000", penalties["EMPLOYER-UNCERTIFIED-WORKER"].GetProperty("range").GetString());
        Assert.Equal("20,000–50,000", penalties["EMPLOYER-UNCERTIFIED-WORKER-MANAGERS"].GetProperty("range").GetString());
        Assert.Equal("responsible-person", penalties["EMPLOYER-UNCERTIFIED-WORKER-MANAGERS"].GetProperty("party").GetString());
        Assert.Equal("2,000–10,000", penalties["HOLDER-LENT-CERTIFICATE"].GetProperty("range").GetString());
    }

    [Fact]
    public async Task Item_1_4_is_refused_for_an_issue_dated_before_2026_06_01_and_issued_from_that_day()
    {
        var authority = app.ApiClient(Role.IssuingAuthority.Id);
        var before = await PostIssueAsync(authority, await NewHolderAsync(app), "1.4", new DateOnly(2026, 5, 31));
        await RefusedAsync(before, "CERT-ITEM-UNKNOWN");
        var issued = await IssueAsync(authority, await NewHolderAsync(app), "1.4", new DateOnly(2026, 6, 1));
        Assert.Equal("1.4", issued.GetProperty("certificate").GetProperty("itemCode").GetString());
    }
}

public sealed class SqliteReferenceDataTests(SqliteApp app) : ReferenceDataTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReferenceDataTests(PostgresApp app) : ReferenceDataTests(app), IClassFixture<PostgresApp>;
