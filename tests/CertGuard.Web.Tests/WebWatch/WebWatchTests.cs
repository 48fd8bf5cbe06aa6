using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.WebWatch;
using CertGuard.Data.Campaigns;
using CertGuard.Web.Features.WebWatch;
using CertGuard.Web.Tests.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.WebWatch;

/// <summary>Tried as a 网信 officer (issue 13's "done when"), on SQLite and PostgreSQL, with loopback DNS and web servers.</summary>
public abstract class WebWatchTests(WebWatchApp app)
{
    private HttpClient Cyberspace => app.ApiClient(Role.Cyberspace.Id);

    [Fact]
    public async Task The_lookalikes_of_mem_gov_cn_put_the_registrable_forms_above_the_gov_cn_permutations()
    {
        var list = await Cyberspace.GetFromJsonAsync<JsonElement>("/api/v1/webwatch/lookalikes?domain=mem.gov.cn");
        var all = list.EnumerateArray().ToList();
        JsonElement Find(string d) => all.Single(c => c.GetProperty("domain").GetString() == d);
        var govCn = all.Where(c => c.GetProperty("domain").GetString()!.EndsWith(".gov.cn", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(govCn);
        Assert.All(govCn, c => Assert.False(c.GetProperty("registrable").GetBoolean()));
        var highestGovCn = govCn.Max(c => c.GetProperty("score").GetInt32());
        foreach (var domain in new[] { "mem-gov.cn", "memgov.com", "mem-gov-cn.com" })
        {
            var candidate = Find(domain);
            Assert.True(candidate.GetProperty("registrable").GetBoolean(), domain);
            Assert.True(candidate.GetProperty("score").GetInt32() > highestGovCn, domain);
            Assert.False(string.IsNullOrEmpty(candidate.GetProperty("fuzzer").GetString()));
        }
        var idn = all.First(c => c.GetProperty("domain").GetString()!.StartsWith("xn--", StringComparison.Ordinal));
        Assert.NotEqual(idn.GetProperty("domain").GetString(), idn.GetProperty("unicode").GetString());

        var employer = app.ApiClient(Role.Employer.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync("/api/v1/webwatch/lookalikes?domain=mem.gov.cn")).StatusCode);
    }

    [Fact]
    public async Task An_imported_ct_file_of_a_thousand_names_surfaces_the_few_that_imitate_the_query_site()
    {
        var words = new[] { "garden", "bakery", "cloud", "travel", "studio", "pixel", "market", "dental", "motor", "shop", "blog", "news", "tech", "hotel", "music", "sport", "games", "photo", "design", "home" };
        var suffixes = new[] { "com", "net", "cn", "org", "io", "top", "xyz" };
        var random = new Random(13);
        var names = new List<string>();
        while (names.Count < 995) names.Add($"{words[random.Next(words.Length)]}{words[random.Next(words.Length)]}{random.Next(1000)}.{suffixes[random.Next(suffixes.Length)]}");
        var fakes = new[] { "tzzycx.com", "mem-gov-cx.top", "tezhongzuoye-chaxun.xyz", "cx-mem-gov.cn", "caozuozheng-chaxun.cc" };
        names.InsertRange(400, fakes);
        var jsonl = string.Join('\n', names.Select(n => JsonSerializer.Serialize(new { data = new { leaf_cert = new { all_domains = new[] { n, "www." + n } } } })));

        var response = await Cyberspace.PostAsync("/api/v1/webwatch/imports?format=jsonl&source=ct", new StringContent(jsonl, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var surfaced = result.GetProperty("names").EnumerateArray().Select(n => n.GetProperty("domain").GetString()!).ToHashSet();
        Assert.Equal(fakes.ToHashSet(), surfaced);

        // Imported again: remembered, not triaged twice.
        var again = await (await Cyberspace.PostAsync("/api/v1/webwatch/imports?format=jsonl&source=ct", new StringContent(jsonl, Encoding.UTF8))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("surfaced").GetInt32());
        Assert.Equal(fakes.Length, again.GetProperty("alreadyKnown").GetInt32());
    }

    [Fact]
    public async Task A_scan_resolves_the_lookalikes_through_the_configured_dns_server_and_adds_the_registered_ones()
    {
        app.Dns.A("scanme-gov.cn", "203.0.113.7").Ns("scanme-gov.cn", "ns1.fakehost.example").A("scanmegov.com", "203.0.113.8").ServFail("scanme-gov-cn.com");

        var response = await Cyberspace.PostAsJsonAsync("/api/v1/webwatch/scans", new { domain = "scanme.gov.cn" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scan = await response.Content.ReadFromJsonAsync<JsonElement>();
        var lines = scan.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("domain").GetString()!);
        Assert.Equal("Registered", lines["scanme-gov.cn"].GetProperty("verdict").GetString());
        Assert.Equal("Registered", lines["scanmegov.com"].GetProperty("verdict").GetString());
        Assert.Equal("Unknown", lines["scanme-gov-cn.com"].GetProperty("verdict").GetString());
        Assert.Equal("NotFound", lines["scanmegov.cn"].GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, lines["scanme-gov-cn.com"].GetProperty("suspectId").ValueKind);

        await using var db = app.SystemDb();
        var added = await db.Suspects.Where(s => s.Key.StartsWith("scanme")).Select(s => s.Key).OrderBy(k => k).ToListAsync();
        Assert.Equal(["scanme-gov.cn", "scanmegov.com"], added);
        Assert.Equal("203.0.113.7", (await db.Suspects.SingleAsync(s => s.Key == "scanme-gov.cn")).Addresses);
    }

    [Fact]
    public async Task A_fake_that_copies_the_official_page_is_confirmed_captured_packaged_referred_closed_and_reopened_when_it_returns()
    {
        using var fake = new LoopbackSite("127.0.0.2", Pages.Fake("tzzy_banzheng8"));
        var added = await (await Cyberspace.PostAsJsonAsync("/api/v1/webwatch/suspects", new { url = fake.Url, note = "公众举报" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = added.GetProperty("suspect").GetProperty("id").GetGuid();

        // Captured twice: two records, nothing overwritten, each with its hashes.
        var first = await (await Cyberspace.PostAsync($"/api/v1/webwatch/suspects/{id}/captures", null)).Content.ReadFromJsonAsync<JsonElement>();
        var html = first.GetProperty("htmlSimilarity").GetInt32();
        var screen = first.GetProperty("screenSimilarity") is { ValueKind: JsonValueKind.Number } s ? s.GetInt32() : 0;
        Assert.True(Math.Max(html, screen) >= 75, first.ToString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fake.Html))), first.GetProperty("htmlSha256").GetString());
        var screenshot = first.GetProperty("screenshotSha256");
        Assert.True(screenshot.ValueKind == JsonValueKind.String || first.GetProperty("screenshotMissing").GetString()!.Contains("No screenshot", StringComparison.Ordinal));
        var second = await (await Cyberspace.PostAsync($"/api/v1/webwatch/suspects/{id}/captures", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());

        var detail = await Cyberspace.GetFromJsonAsync<JsonElement>($"/api/v1/webwatch/suspects/{id}");
        var suspect = detail.GetProperty("suspect");
        Assert.True(suspect.GetProperty("score").GetInt32() >= 90);
        Assert.Contains("wechat:tzzy_banzheng8", suspect.GetProperty("contacts").GetString());
        Assert.Equal(2, detail.GetProperty("captures").GetArrayLength());

        // Unrelated pages do not look like the official one.
        using var shop = new LoopbackSite("127.0.0.3", Pages.Unrelated);
        var shopId = (await (await Cyberspace.PostAsJsonAsync("/api/v1/webwatch/suspects", new { url = shop.Url })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suspect").GetProperty("id").GetGuid();
        var shopCapture = await (await Cyberspace.PostAsync($"/api/v1/webwatch/suspects/{shopId}/captures", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(shopCapture.GetProperty("htmlSimilarity").GetInt32() < html - 20, shopCapture.ToString());

        var version = suspect.GetProperty("version").GetInt32();
        var verified = await Cyberspace.PostAsJsonAsync($"/api/v1/webwatch/suspects/{id}/verification", new { version, fake = true, reason = "页面仿冒应急管理部查询系统，无ICP备案" });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);

        // The evidence package: every file listed in the manifest with its SHA-256.
        var zipBytes = await Cyberspace.GetByteArrayAsync($"/api/v1/webwatch/suspects/{id}/evidence");
        using (var zip = new ZipArchive(new MemoryStream(zipBytes)))
        {
            using var manifestStream = zip.GetEntry("manifest.json")!.Open();
            var manifest = await JsonDocument.ParseAsync(manifestStream);
            var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
            Assert.Contains(files, f => f.GetProperty("name").GetString() == "capture-record.html");
            Assert.True(files.Count(f => f.GetProperty("name").GetString()!.EndsWith("page.html", StringComparison.Ordinal)) == 2);
            foreach (var f in files)
            {
                using var entry = zip.GetEntry(f.GetProperty("name").GetString()!)!.Open();
                using var copy = new MemoryStream();
                await entry.CopyToAsync(copy);
                Assert.Equal(f.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
            }
        }

        var police = await Cyberspace.PostAsJsonAsync($"/api/v1/webwatch/suspects/{id}/referrals", new { department = "police", note = "仿冒政府网站出售证书，涉嫌刑法第280条、第287条之一" });
        Assert.Equal(HttpStatusCode.OK, police.StatusCode);
        var leadId = (await police.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await Cyberspace.PostAsJsonAsync($"/api/v1/webwatch/suspects/{id}/referrals", new { department = "cyberspace", note = "请予关停" })).StatusCode);
        await using (var db = app.SystemDb())
        {
            var lead = await db.InspectionLeads.SingleAsync(l => l.Id == leadId);
            Assert.Equal(LeadSources.Website, lead.Source);
            Assert.Equal(id, lead.SourceId);
            Assert.Equal("440100", lead.RegionCode);
        }
        // The police see what was referred to them, and nothing else.
        var policeView = await app.ApiClient(Role.Police.Id).GetFromJsonAsync<JsonElement>("/api/v1/webwatch/suspects");
        Assert.Contains(policeView.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(policeView.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == shopId);

        var closed = await Cyberspace.PostAsJsonAsync($"/api/v1/webwatch/suspects/{id}/disposal", new { outcome = "Closed", document = "粤网信关停〔2026〕7号" });
        Assert.Equal("Disposed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        // Not due yet: nothing happens. Due, but still gone: stays closed until it comes back.
        fake.GoOffline();
        var job = app.Services.GetRequiredService<RecheckJob>();
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal("Disposed", (await Cyberspace.GetFromJsonAsync<JsonElement>($"/api/v1/webwatch/suspects/{id}")).GetProperty("suspect").GetProperty("state").GetString());
        fake.ComeBack();
        var (_, reopened) = await job.RunOnceAsync(CancellationToken.None, DateTimeOffset.UtcNow.AddDays(31));
        Assert.True(reopened >= 1);
        var after = (await Cyberspace.GetFromJsonAsync<JsonElement>($"/api/v1/webwatch/suspects/{id}")).GetProperty("suspect");
        Assert.Equal("Reopened", after.GetProperty("state").GetString());
        Assert.Equal(1, after.GetProperty("reopenCount").GetInt32());

        var measures = await Cyberspace.GetFromJsonAsync<JsonElement>("/api/v1/webwatch/measures");
        var city = measures.EnumerateArray().Single(m => m.GetProperty("regionCode").GetString() == "440100");
        Assert.True(city.GetProperty("closed").GetInt32() >= 1);
        Assert.True(city.GetProperty("reopened").GetInt32() >= 1);
        Assert.True(city.GetProperty("referred").GetInt32() >= 1);
    }

    [Fact]
    public async Task Market_regulation_answers_the_listing_referred_to_it_once_and_its_case_counts_in_row_33()
    {
        var market = app.ApiClient(Role.MarketRegulation.Id);
        var url = $"https://shop.example.invalid/item/{Guid.NewGuid():N}";
        var added = await (await Cyberspace.PostAsJsonAsync("/api/v1/webwatch/suspects", new { url, source = "listing", platform = "闲鱼" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = added.GetProperty("suspect").GetProperty("id").GetGuid();
        var version = added.GetProperty("suspect").GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await Cyberspace.PostAsJsonAsync($"/api/v1/webwatch/suspects/{id}/verification", new { version, fake = true, reason = "出售特种作业操作证" })).StatusCode);
        var referral = (await (await Cyberspace.PostAsJsonAsync($"/api/v1/webwatch/suspects/{id}/referrals", new { department = "market-regulation", note = "网售证书" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var police = (await (await Cyberspace.PostAsJsonAsync($"/api/v1/webwatch/suspects/{id}/referrals", new { department = "police", note = "涉嫌买卖国家机关证件" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var answerUrl = $"/api/v1/webwatch/suspects/{id}/referrals/{referral}/answer";

        // Not the cyberspace office's referral; a case filed names its document; the police answer through their lead.
        await (await Cyberspace.PostAsJsonAsync(answerUrl, new { answer = "CaseFiled", document = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden, "WEBWATCH-REFERRAL-NOT-YOURS");
        await (await market.PostAsJsonAsync(answerUrl, new { answer = "CaseFiled" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "WEBWATCH-REFERRAL-DOCUMENT-REQUIRED");
        await (await market.PostAsJsonAsync(answerUrl, new { document = "x" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "WEBWATCH-REFERRAL-ANSWER");
        await (await app.ApiClient(Role.Police.Id).PostAsJsonAsync($"/api/v1/webwatch/suspects/{id}/referrals/{police}/answer", new { answer = "Handled" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "WEBWATCH-REFERRAL-POLICE");
        await (await market.PostAsJsonAsync($"/api/v1/webwatch/suspects/{id}/referrals/{Guid.NewGuid()}/answer", new { answer = "Handled" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "WEBWATCH-REFERRAL-NOT-FOUND");

        var window = new IndicatorWindow(app.Clock().GetUtcNow().AddMinutes(-1), app.Clock().GetUtcNow().AddDays(1), ["440100"]);
        Assert.Equal(0m, (await app.ComputeAsync(StatisticsArrangement.Province, window))["440100"]["33"]);

        var answered = await market.PostAsJsonAsync(answerUrl, new { answer = "CaseFiled", document = "穗市监立〔2026〕7号", note = "对店铺立案" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await (await market.PostAsJsonAsync(answerUrl, new { answer = "Declined" })).AssertProblemAsync(HttpStatusCode.Conflict, "WEBWATCH-REFERRAL-ANSWERED");
        var detail = await market.GetFromJsonAsync<JsonElement>($"/api/v1/webwatch/suspects/{id}");
        var stored = detail.GetProperty("referrals").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == referral);
        Assert.Equal("CaseFiled", stored.GetProperty("answer").GetString());
        Assert.Equal("穗市监立〔2026〕7号", stored.GetProperty("answerDocument").GetString());

        Assert.Equal(1m, (await app.ComputeAsync(StatisticsArrangement.Province, window))["440100"]["33"]);
        var record = Assert.Single(await app.ListAsync(StatisticsArrangement.Province, "33", "440100", window));
        Assert.Equal($"/webwatch/suspect/{id}", record.Link);
        await using (var db = app.SystemDb())
            Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == nameof(SuspectReferral) && e.EntityId == referral.ToString()).Select(e => e.Action).ToListAsync(), a => a == "update");
    }

    [Fact]
    public async Task A_second_site_sharing_the_registrant_joins_the_cluster()
    {
        async Task<JsonElement> Add(string url, string registrant) =>
            (await (await Cyberspace.PostAsJsonAsync("/api/v1/webwatch/suspects", new { url, registrant })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suspect");
        var one = await Add("http://ring-one-tzzy.com/", "陈某某 chen_ring@example.com");
        var two = await Add("http://ring-two-czz.top/", "陈某某 chen_ring@example.com");
        var three = await Add("http://unrelated-shop.com/", "someone else");

        var detail = await Cyberspace.GetFromJsonAsync<JsonElement>($"/api/v1/webwatch/suspects/{two.GetProperty("id").GetGuid()}");
        var cluster = detail.GetProperty("cluster").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(one.GetProperty("id").GetGuid(), cluster);
        Assert.DoesNotContain(three.GetProperty("id").GetGuid(), cluster);
        Assert.Equal(JsonValueKind.Null, three.GetProperty("clusterId").ValueKind);
    }

    [Fact]
    public async Task The_public_reports_a_fake_site_without_an_account_and_sees_the_official_addresses()
    {
        var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/public/webwatch/reports", new { url = "https://reported-tzzycx.top/query", city = "440300", description = "冒充查询网站" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using (var db = app.SystemDb())
        {
            var s = await db.Suspects.SingleAsync(x => x.Key == "reported-tzzycx.top");
            Assert.Equal("440300", s.RegionCode);
            Assert.Equal("public-report", s.Source);
        }
        // Guangzhou's office does not see Shenzhen's report.
        var list = await Cyberspace.GetFromJsonAsync<JsonElement>("/api/v1/webwatch/suspects");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), x => x.GetProperty("key").GetString() == "reported-tzzycx.top");

        var query = await anonymous.GetStringAsync("/query");
        Assert.Contains("cx.mem.gov.cn", query);
        Assert.Contains("yjgl.gd.gov.cn", query);
        Assert.Contains("https://certguard.example.gd.cn/", query);
        Assert.Contains("cx.mem.gov.cn", await anonymous.GetStringAsync("/verify"));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/webwatch/report")).StatusCode);

        var page = await (await app.SignedInClientAsync(Role.Cyberspace.Id)).GetStringAsync("/webwatch?domain=mem.gov.cn");
        Assert.Contains("mem-gov.cn", page);
        Assert.Contains("仿冒网站与网售监测", page);
    }
}

public sealed class SqliteWebWatchTests(SqliteWebWatchApp app) : WebWatchTests(app), IClassFixture<SqliteWebWatchApp>;

public sealed class PostgresWebWatchTests(PostgresWebWatchApp app) : WebWatchTests(app), IClassFixture<PostgresWebWatchApp>;
