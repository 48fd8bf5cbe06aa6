using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using static CertGuard.Web.Tests.Verification.PublicQuery.PublicQueryAnswerTests;

namespace CertGuard.Web.Tests.Verification.PublicQuery;

/// <summary>
/// Abuse resistance, as a scraper and a forger meet it: one client is slowed after a small burst (with Retry-After and
/// a Chinese message), one number is slowed whoever asks, a person continues by solving the challenge, and an
/// accountable (bound) client has a higher limit. Limits are the documented defaults: 10 a minute with a burst of 5
/// per client, 5 a minute per number.
/// </summary>
public abstract class PublicQueryLimitTests(PublicQueryApp app)
{
    private const int ClientBurst = 5;
    private const int NumberBurst = 5;

    [Fact]
    public async Task Hundred_rapid_queries_from_one_client_are_slowed_after_the_burst_with_a_chinese_message()
    {
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 100; i++)
        {
            var response = await client.GetAsync(Url(PublicQueryApp.UnknownNumber(), "张三"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) rejected ??= response;
        }

        // A token comes back every 6 s: a slow machine may earn one more during the run.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), ClientBurst, ClientBurst + 1);
        Assert.All(statuses.Take(ClientBurst), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.NotNull(rejected);
        var problem = await rejected.AssertProblemAsync(HttpStatusCode.TooManyRequests, "PUBLIC-QUERY-RATE-LIMITED");
        Assert.Equal("查询过于频繁，请稍后再试。", problem.GetProperty("title").GetString());
        Assert.Contains("人机验证", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api/v1/public/challenge", problem.GetProperty("challenge").GetString());
        var retryAfter = int.Parse(rejected.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfter").GetInt32());

        // Another client is not affected.
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(Url(PublicQueryApp.UnknownNumber(), "张三"))).StatusCode);
    }

    [Fact]
    public async Task One_number_is_limited_whoever_asks_and_however_it_is_written()
    {
        var (certificate, _) = await app.TakeAsync(CertificateState.Valid);
        var spellings = new[] { certificate.Number, "T" + certificate.Number, " " + certificate.Number.ToLowerInvariant(), certificate.Number, "t" + certificate.Number };

        foreach (var spelling in spellings.Take(NumberBurst))
            Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(Url(spelling, "王五"))).StatusCode);
        var rejected = await app.Client().GetAsync(Url(certificate.Number, certificate.HolderName));

        var problem = await rejected.AssertProblemAsync(HttpStatusCode.TooManyRequests, "PUBLIC-QUERY-NUMBER-LIMITED");
        Assert.Contains("该证号", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(rejected.Headers.Contains("Retry-After"));
        // Guessing names is what this limit stops: solving a challenge does not lift it.
        Assert.False(problem.TryGetProperty("challenge", out _));
    }

    [Fact]
    public async Task A_solved_challenge_lets_the_client_continue_for_a_few_queries()
    {
        var client = app.Client();
        await ExhaustAsync(client);

        var challenge = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/challenge");
        var text = challenge.GetProperty("challenge").GetString()!;
        Assert.Equal(8, challenge.GetProperty("difficulty").GetInt32());
        var wrong = await client.PostAsJsonAsync("/api/v1/public/challenge", new { challenge = text, nonce = WrongNonce(text, 8) });
        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "PUBLIC-CHALLENGE-WRONG");

        var nonce = Solve(text, 8);
        var solved = await client.PostAsJsonAsync("/api/v1/public/challenge", new { challenge = text, nonce });
        Assert.Equal(HttpStatusCode.OK, solved.StatusCode);
        var pass = (await solved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pass").GetString()!;
        Assert.Contains(solved.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cg-query-pass=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var replay = await client.PostAsJsonAsync("/api/v1/public/challenge", new { challenge = text, nonce });
        await replay.AssertProblemAsync(HttpStatusCode.BadRequest, "PUBLIC-CHALLENGE-SPENT");
        var forged = await client.PostAsJsonAsync("/api/v1/public/challenge", new { challenge = text[..^4] + "AAAA", nonce });
        await forged.AssertProblemAsync(HttpStatusCode.BadRequest, "PUBLIC-CHALLENGE-INVALID");

        client.DefaultRequestHeaders.Add("X-Query-Pass", pass);
        for (var i = 0; i < PublicQueryApp.PassQueries; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url(PublicQueryApp.UnknownNumber(), "张三"))).StatusCode);
        var spent = await client.GetAsync(Url(PublicQueryApp.UnknownNumber(), "张三"));
        var problem = await spent.AssertProblemAsync(HttpStatusCode.TooManyRequests, "PUBLIC-QUERY-RATE-LIMITED");
        Assert.Contains("已用完", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bound_client_with_an_api_key_has_a_higher_limit()
    {
        var address = PublicQueryApp.NewAddress();
        var employer = app.Client(address, app.ApiKey(Role.Employer.Id));
        for (var i = 0; i < ClientBurst * 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await employer.GetAsync(Url(PublicQueryApp.UnknownNumber(), "张三"))).StatusCode);

        // The same address without the key is still an anonymous client with its own small bucket.
        await ExhaustAsync(app.Client(address));
    }

    private static async Task ExhaustAsync(HttpClient client)
    {
        for (var i = 0; i < ClientBurst + 2; i++)
        {
            var response = await client.GetAsync(Url(PublicQueryApp.UnknownNumber(), "张三"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) return;
        }
        Assert.Fail("The client limit was never reached.");
    }

    internal static string Solve(string challenge, int difficulty)
    {
        for (var nonce = 0; ; nonce++)
        {
            if (ZeroBits(challenge, nonce.ToString(System.Globalization.CultureInfo.InvariantCulture)) >= difficulty)
                return nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static string WrongNonce(string challenge, int difficulty)
    {
        for (var nonce = 0; ; nonce++)
        {
            var text = nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ZeroBits(challenge, text) < difficulty) return text;
        }
    }

    private static int ZeroBits(string challenge, string nonce)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(challenge + ":" + nonce));
        var bits = 0;
        foreach (var b in hash)
        {
            if (b == 0) { bits += 8; continue; }
            return bits + System.Numerics.BitOperations.LeadingZeroCount((uint)b) - 24;
        }
        return bits;
    }
}

[Collection(SqlitePublicQueryCollection.Name)]
public sealed class SqlitePublicQueryLimitTests(SqlitePublicQueryApp app) : PublicQueryLimitTests(app);

[Collection(PostgresPublicQueryCollection.Name)]
public sealed class PostgresPublicQueryLimitTests(PostgresPublicQueryApp app) : PublicQueryLimitTests(app);
