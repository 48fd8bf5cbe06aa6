using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Verification;
using CertGuard.Data.Credentials;
using CertGuard.Data.Database;
using CertGuard.Web.Tests.Verification.PublicQuery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Credentials;

/// <summary>
/// The platform with small limits on QR issue, QR checks and challenges (so a test reaches them in a few requests),
/// and the test hook that lets each request say which client address it comes from.
/// </summary>
public abstract class CredentialLimitsApp : PublicQueryApp
{
    public const int QrIssueBurst = 3;
    public const int VerifyBurst = 4;
    public const int ChallengeBurst = 5;
    public const int MinDifficulty = 4;
    public const int MaxDifficulty = 6;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Credentials:QrIssue:PerAccount:Burst", $"{QrIssueBurst}");
        builder.UseSetting("Credentials:QrIssue:PerAccount:PermitsPerMinute", "1");
        builder.UseSetting("Credentials:VerifyQr:PerClient:Burst", $"{VerifyBurst}");
        builder.UseSetting("Credentials:VerifyQr:PerClient:PermitsPerMinute", "1");
        builder.UseSetting("PublicQuery:Challenge:Difficulty", $"{MinDifficulty}");
        builder.UseSetting("PublicQuery:Challenge:MaxDifficulty", $"{MaxDifficulty}");
        builder.UseSetting("PublicQuery:Challenge:FreeChallenges", "1");
        builder.UseSetting("PublicQuery:Challenge:IssuesPerClient:Burst", $"{ChallengeBurst}");
        builder.UseSetting("PublicQuery:Challenge:IssuesPerClient:PermitsPerMinute", "1");
    }

    /// <summary>A valid certificate's QR as the platform signs it, without going through (and counting against) the QR API.</summary>
    public async Task<(Certificate Certificate, string Text)> SignedQrAsync(int skip)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertGuard.Data.CertGuardDbContext>();
        var today = CertGuard.Core.Time.ChinaTime.Today(TimeProvider.System);
        var live = await db.Certificates.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Active && c.RegionCode == "440100").OrderBy(c => c.Number).ToListAsync();
        var certificate = live.Where(c => c.StateOn(today) == CertificateState.Valid).Skip(skip).First();
        return (certificate, await scope.ServiceProvider.GetRequiredService<CredentialIssuer>().QrTextAsync(certificate));
    }
}

public sealed class SqliteCredentialLimitsApp : CredentialLimitsApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresCredentialLimitsApp : CredentialLimitsApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Harvesting and flooding: QR issue per account, QR checks per client, challenges per client with rising difficulty.</summary>
public abstract class CredentialLimitsTests(CredentialLimitsApp app)
{
    [Fact]
    public async Task Qr_issue_past_the_accounts_burst_is_refused_with_a_429_problem_and_other_accounts_are_not_affected()
    {
        var authority = app.ApiClient(Role.IssuingAuthority.Id);
        var page = await authority.GetFromJsonAsync<JsonElement>("/api/v1/certificates?status=Valid&pageSize=1");
        var id = page.GetProperty("items")[0].GetProperty("id").GetGuid();

        for (var i = 0; i < CredentialLimitsApp.QrIssueBurst; i++)
            Assert.Equal(HttpStatusCode.OK, (await authority.GetAsync($"/api/v1/certificates/{id}/qr?format=text")).StatusCode);
        var limited = await authority.GetAsync($"/api/v1/certificates/{id}/qr?format=svg");

        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "QR-ISSUE-RATE-LIMITED");
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
        Assert.True(limited.Headers.RetryAfter is not null);
        // The print page shares the account's bucket.
        var signedIn = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await signedIn.GetAsync($"/registry/certificate/{id}/print")).StatusCode);
        // The province office's own bucket is untouched.
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(Role.ProvinceOffice.Id).GetAsync($"/api/v1/certificates/{id}/qr?format=text")).StatusCode);
    }

    [Fact]
    public async Task Qr_checks_are_limited_per_client_address()
    {
        var (_, text) = await app.SignedQrAsync(skip: 0);
        var client = app.Client();
        for (var i = 0; i < CredentialLimitsApp.VerifyBurst; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/verify/qr", new { text })).StatusCode);

        var limited = await client.PostAsJsonAsync("/api/v1/verify/qr", new { text });

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "VERIFY-QR-RATE-LIMITED");
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().PostAsJsonAsync("/api/v1/verify/qr", new { text })).StatusCode);
    }

    [Fact]
    public async Task Repeating_one_qr_from_one_client_is_answered_each_time_but_logged_once()
    {
        var (certificate, text) = await app.SignedQrAsync(skip: 1);
        var (_, other) = await app.SignedQrAsync(skip: 2);
        var client = app.Client();

        for (var i = 0; i < 3; i++)
        {
            var answer = await (await client.PostAsJsonAsync("/api/v1/verify/qr", new { text })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(answer.GetProperty("valid").GetBoolean(), answer.ToString());
        }
        // Another client checking the same card is another check.
        Assert.Equal(HttpStatusCode.OK, (await app.Client().PostAsJsonAsync("/api/v1/verify/qr", new { text })).StatusCode);
        // The first client's other card is logged too.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/verify/qr", new { text = other })).StatusCode);
        await app.LogStoredAsync();

        await using var db = app.SystemDb();
        var logged = await db.VerificationLog.AsNoTracking()
            .CountAsync(r => r.CertificateId == certificate.Id && r.Channel == VerificationChannel.QrCheck);
        Assert.Equal(2, logged);
    }

    [Fact]
    public async Task Challenges_get_harder_for_a_client_that_keeps_asking_up_to_the_maximum_and_then_are_refused()
    {
        var client = app.Client();
        var difficulties = new List<int>();
        var last = "";
        for (var i = 0; i < CredentialLimitsApp.ChallengeBurst; i++)
        {
            var challenge = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/challenge");
            difficulties.Add(challenge.GetProperty("difficulty").GetInt32());
            last = challenge.GetProperty("challenge").GetString()!;
        }
        var limited = await client.GetAsync("/api/v1/public/challenge");

        Assert.Equal([4, 5, 6, 6, 6], difficulties);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "PUBLIC-CHALLENGE-LIMITED");
        Assert.True(limited.Headers.RetryAfter is not null);

        // The hardest challenge is still solved (at the difficulty signed into it) and buys a pass.
        var solved = await client.PostAsJsonAsync("/api/v1/public/challenge", new { challenge = last, nonce = PublicQueryLimitTests.Solve(last, CredentialLimitsApp.MaxDifficulty) });
        Assert.Equal(HttpStatusCode.OK, solved.StatusCode);
        // A new client starts at the least difficulty.
        var fresh = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/public/challenge");
        Assert.Equal(CredentialLimitsApp.MinDifficulty, fresh.GetProperty("difficulty").GetInt32());
    }
}

[Collection(SqliteCredentialLimitsCollection.Name)]
public sealed class SqliteCredentialLimitsTests(SqliteCredentialLimitsApp app) : CredentialLimitsTests(app);

[Collection(PostgresCredentialLimitsCollection.Name)]
public sealed class PostgresCredentialLimitsTests(PostgresCredentialLimitsApp app) : CredentialLimitsTests(app);

[CollectionDefinition(Name)]
public sealed class SqliteCredentialLimitsCollection : ICollectionFixture<SqliteCredentialLimitsApp>
{
    public const string Name = "credential-limits-sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCredentialLimitsCollection : ICollectionFixture<PostgresCredentialLimitsApp>
{
    public const string Name = "credential-limits-postgres";
}
