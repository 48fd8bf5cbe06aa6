using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Testing;
using CertGuard.Web.Features.Exchange;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Api;

/// <summary>
/// Smaller findings of the hardening review (issue 18, item 11): sensitive API answers are never cached, a garbage
/// exchange cursor is refused instead of restarting the feed, and huge page numbers do not overflow.
/// </summary>
public abstract class HardeningTests(CertGuardApp app)
{
    [Fact]
    public async Task Sensitive_api_answers_say_no_store()
    {
        Guid id;
        await using (var db = app.SystemDb()) id = await db.Certificates.IgnoreQueryFilters().Where(c => c.RegionCode == "440100").Select(c => c.Id).FirstAsync();
        var authority = app.ApiClient(Role.IssuingAuthority.Id);
        string[] urls =
        [
            $"/api/v1/certificates/{id}?fullIdNumber=true",
            $"/api/v1/certificates/{id}/qr?format=text",
            "/api/v1/certificates/export?format=csv&idNumbers=full",
        ];
        foreach (var url in urls)
        {
            var response = await authority.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, url);
        }
        var audit = await app.ApiClient(Role.Auditor.Id).GetAsync("/api/v1/audit/entries?take=5");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.True(audit.Headers.CacheControl?.NoStore);
        var feed = await app.ApiClient(Role.NationalExchange.Id).GetAsync("/api/v1/exchange/changes?limit=5");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.True(feed.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("cursor=djE6NQ")]
    [InlineData("since=djE6MA&since=djE6MQ")]
    [InlineData("after=12")]
    public async Task A_misspelt_or_repeated_cursor_is_refused_rather_than_restarting_the_feed(string query)
    {
        var response = await app.ApiClient(Role.NationalExchange.Id).GetAsync("/api/v1/exchange/changes?" + query);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, query.StartsWith("since", StringComparison.Ordinal) ? "EXCHANGE-CURSOR-INVALID" : "EXCHANGE-QUERY-UNKNOWN");
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_cursor_past_the_end_of_the_feed_is_refused()
    {
        long last;
        await using (var db = app.SystemDb()) last = await db.LastChangeSequenceAsync();
        var client = app.ApiClient(Role.NationalExchange.Id);

        var ahead = await client.GetAsync("/api/v1/exchange/changes?since=" + ChangeCursor.Encode(last + 1000));
        await ahead.AssertProblemAsync(HttpStatusCode.BadRequest, "EXCHANGE-CURSOR-INVALID");
        var atEnd = await client.GetAsync("/api/v1/exchange/changes?since=" + ChangeCursor.Encode(last));
        Assert.Equal(HttpStatusCode.OK, atEnd.StatusCode);
        Assert.Empty((await atEnd.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/signals?page=2147483647", "city-office")]
    [InlineData("/api/v1/reminders/reviews?page=2147483647&pageSize=2147483647", "province-office")]
    public async Task Huge_page_numbers_and_sizes_do_not_overflow(string url, string role)
    {
        var response = await app.ApiClient(role).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("page").GetInt32();
        Assert.InRange(page, 1, 1_000_000);
    }

    [Fact]
    public async Task The_signals_page_takes_a_huge_page_number()
    {
        var office = await app.SignedInClientAsync(Role.CityOffice.Id);
        var response = await office.GetAsync("/signals?p=2147483647&page=2147483647");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }
}

public sealed class SqliteHardeningTests(SqliteApp app) : HardeningTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHardeningTests(PostgresApp app) : HardeningTests(app), IClassFixture<PostgresApp>;
