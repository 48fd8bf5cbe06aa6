using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertGuard.Testing;
using CertGuard.Web.Tests.Verification.PublicQuery;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Tips;

/// <summary>
/// Look-ups by receipt are limited per client like the public query, with its challenge: past the burst of 5 the API
/// answers the query's 429 problem with the challenge's address and the page shows the challenge; a solved challenge's
/// pass lets the look-up through; a wrong and an expired receipt still look alike once through.
/// </summary>
public abstract partial class TipLookupLimitTests(CertGuardApp app)
{
    private const int Burst = 5;

    [Fact]
    public async Task Past_the_limit_the_api_answers_the_challenge_problem_and_a_solved_pass_gets_the_answer()
    {
        var citizen = app.Citizen("198.51.100.21");
        var receipt = await citizen.FileTipAsync("某电工培训点网上招揽代考");
        var refused = await ExhaustAsync(() => citizen.PostAsJsonAsync("/api/v1/public/tips/follow-up", new { receipt = "1111 2222 3333 4444" }));

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "TIP-LOOKUP-LIMITED");
        Assert.Equal("查询过于频繁，请稍后再试。", problem.GetProperty("title").GetString());
        Assert.Contains("人机验证", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api/v1/public/challenge", problem.GetProperty("challenge").GetString());
        Assert.InRange(problem.GetProperty("retryAfter").GetInt32(), 1, 60);
        Assert.True(refused.Headers.Contains("Retry-After"));
        // The right receipt is refused the same way, before any work: the limit tells nothing about receipts.
        var right = await citizen.GetAsync($"/api/v1/public/tips/{receipt}");
        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests, "TIP-LOOKUP-LIMITED");

        var pass = await SolveAsync(citizen);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/public/tips/follow-up") { Content = JsonContent.Create(new { receipt }) };
        request.Headers.Add("X-Query-Pass", pass);
        var answered = await citizen.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("Received", (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Past_the_limit_the_page_shows_the_challenge_and_the_solved_pass_opens_the_tip_while_wrong_and_expired_look_alike()
    {
        var citizen = app.Citizen("198.51.100.22");
        var receipt = await citizen.FileTipAsync("有人在二手平台出售登高作业证");
        var expiredReceipt = await citizen.FileTipAsync("有人在群里售卖焊工证");
        var expired = await app.TipByReceiptAsync(expiredReceipt);
        await using (var db = app.SystemDb())
            await db.Tips.Where(t => t.Id == expired.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastReporterActivityAt, DateTimeOffset.UtcNow.AddDays(-400)));

        var refused = await ExhaustAsync(() => PostPageAsync(citizen, "0000 0000 0000 0000", pass: null));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"tip-limited\"", html);
        Assert.Contains("data-code=\"TIP-LOOKUP-LIMITED\"", html);
        Assert.Contains("data-challenge=\"/api/v1/public/challenge\"", html);
        Assert.Contains("data-testid=\"tip-challenge\"", html);
        Assert.Contains("/tips/follow-up.js", html);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);

        var pass = await SolveAsync(citizen);
        var opened = await PostPageAsync(citizen, receipt, pass);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var view = await opened.Content.ReadAsStringAsync();
        Assert.Contains("data-state=\"Received\"", view);
        // The pass rides along in the page's forms for a reply or a claim.
        Assert.Contains(pass, view);

        // Through the challenge, a wrong receipt and an expired one get the same page.
        var wrong = receipt[..15] + (receipt[15] == '9' ? '0' : (char)(receipt[15] + 1));
        var a = await PostPageAsync(citizen, wrong, pass);
        var b = await PostPageAsync(citizen, expiredReceipt, pass);
        Assert.Equal(HttpStatusCode.NotFound, a.StatusCode);
        Assert.Equal(a.StatusCode, b.StatusCode);
        Assert.Equal(Alert(await a.Content.ReadAsStringAsync()), Alert(await b.Content.ReadAsStringAsync()));
        Assert.Contains("TIP-RECEIPT-UNKNOWN", Alert(await a.Content.ReadAsStringAsync()));
    }

    private static async Task<HttpResponseMessage> ExhaustAsync(Func<Task<HttpResponseMessage>> lookUp)
    {
        // A token comes back every 6 s: a slow machine may earn one or two more during the run.
        for (var i = 0; i < Burst + 4; i++)
        {
            var response = await lookUp();
            if (response.StatusCode == HttpStatusCode.TooManyRequests) return response;
            Assert.True(i < Burst + 3, "The look-up limit was never reached.");
        }
        throw new InvalidOperationException("unreachable");
    }

    private static async Task<string> SolveAsync(HttpClient client)
    {
        var challenge = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/challenge");
        var text = challenge.GetProperty("challenge").GetString()!;
        var nonce = PublicQueryLimitTests.Solve(text, challenge.GetProperty("difficulty").GetInt32());
        var solved = await client.PostAsJsonAsync("/api/v1/public/challenge", new { challenge = text, nonce });
        Assert.Equal(HttpStatusCode.OK, solved.StatusCode);
        return (await solved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pass").GetString()!;
    }

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string receipt, string? pass)
    {
        var page = await client.GetStringAsync("/tips/follow-up");
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(page), ["Receipt"] = receipt };
        if (pass is not null) fields["Pass"] = pass;
        return await client.PostAsync("/tips/follow-up", new FormUrlEncodedContent(fields));
    }

    private static string Alert(string html) => AlertPattern().Match(html).Value;

    [GeneratedRegex("<p class=\"alert bad\" role=\"alert\" data-testid=\"tip-error\"[^>]*>[^<]*</p>")]
    private static partial Regex AlertPattern();
}

public sealed class SqliteTipLookupLimitTests(SqliteApp app) : TipLookupLimitTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTipLookupLimitTests(PostgresApp app) : TipLookupLimitTests(app), IClassFixture<PostgresApp>;
