using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static CertGuard.Web.Tests.Lifecycle.LifecycleSteps;

namespace CertGuard.Web.Tests.Errors;

/// <summary>
/// Every API error is a problem with a code (issue 18.5: the handler used to look at the path after the exception
/// middleware had rewritten it to /error, so these came back as the HTML error page or an empty 400), and a refusal
/// answers with the same status on a page as in the API.
/// </summary>
public abstract class ErrorHandlingTests(FaultyApp app)
{
    private static readonly string[] Electrician = ["1.1"];
    private static readonly string[] HeightWork = ["3.1"];

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", token)).ToDictionary(f => f.Item1, f => f.Item2));

    [Fact]
    public async Task An_upload_larger_than_allowed_is_a_413_problem_with_a_code()
    {
        var client = app.ApiClient(Role.Employer.Id);
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(new byte[Features.Employers.RosterUploads.MaxRequestBytes + 1024]);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", "名册.csv");

        var response = await client.PostAsync("/api/v1/roster/checks", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "REQUEST-TOO-LARGE");
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_concurrent_change_is_a_409_problem()
    {
        var client = app.ApiClient(Role.Employer.Id);
        client.DefaultRequestHeaders.Add(FaultyApp.Header, "concurrency");

        var response = await client.PostAsJsonAsync("/api/v1/positions", new { name = "并发岗位", items = Electrician });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "CONCURRENT-CHANGE");
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_not_the_html_error_page()
    {
        var client = app.ApiClient(Role.IssuingAuthority.Id);
        client.DefaultRequestHeaders.Add(FaultyApp.Header, "unexpected");

        var response = await client.GetAsync("/api/v1/reminders/reviews?days=60");

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "INTERNAL-ERROR");
        Assert.DoesNotContain("A fault the test asked for", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_database_is_a_503_problem_with_Retry_After()
    {
        var client = app.ApiClient(Role.IssuingAuthority.Id);
        var number = await NewHolderAsync(app);
        HttpResponseMessage response;
        await using (await HoldWriteLockAsync())
            response = await PostIssueAsync(client, number, "1.1", app.Today());

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "DATABASE-BUSY");
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, "Retry-After is missing");
        // Once the lock is gone, the same request goes through.
        Assert.Equal(HttpStatusCode.Created, (await PostIssueAsync(client, number, "1.1", app.Today())).StatusCode);
    }

    [Fact]
    public async Task A_problem_is_in_English_when_English_is_chosen()
    {
        var client = app.ApiClient(Role.IssuingAuthority.Id);
        var number = await NewHolderAsync(app);
        await IssueAsync(client, number, "1.1", app.Today());

        var response = await client.PostAsJsonAsync("/api/v1/certificates?culture=en",
            new { idNumber = number, holderName = "王建国", itemCode = "1.1", issuedOn = app.Today() });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "CERT-LIVE-EXISTS");
        var title = problem.GetProperty("title").GetString()!;
        Assert.StartsWith("The holder already has a live certificate for this item (广州市, valid until ", title, StringComparison.Ordinal);
        Assert.DoesNotContain("{", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_live_certificate_is_refused_with_409_on_the_issue_page_as_in_the_API()
    {
        var number = await NewHolderAsync(app);
        await IssueAsync(app.ApiClient(Role.IssuingAuthority.Id), number, "1.1", app.Today());
        var api = await PostIssueAsync(app.ApiClient(Role.IssuingAuthority.Id), number, "1.1", app.Today());
        await api.AssertProblemAsync(HttpStatusCode.Conflict, "CERT-LIVE-EXISTS");

        var client = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        var token = CertGuardApp.AntiforgeryToken(await client.GetStringAsync("/registry/issue"));
        var page = await client.PostAsync("/registry/issue", Form(token,
            ("IdNumber", number), ("HolderName", "王建国"), ("ItemCode", "1.1"), ("IssuedOn", app.Today().ToString("yyyy-MM-dd"))));

        Assert.Equal(api.StatusCode, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-code=\"CERT-LIVE-EXISTS\"", html, StringComparison.Ordinal);
        Assert.Contains("不能重复发证", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{number}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_version_is_409_on_the_certificate_page_as_in_the_API()
    {
        var authority = app.ApiClient(Role.IssuingAuthority.Id);
        var issued = await IssueAsync(authority, await NewHolderAsync(app), "1.1", app.Today());
        await ActOkAsync(authority, issued.Id(), "reissue", new { version = issued.Version() });
        var api = await ActAsync(authority, issued.Id(), "revocation", new { version = issued.Version(), reason = "PhysicallyUnfit" });
        await api.AssertProblemAsync(HttpStatusCode.Conflict, "CERT-CONFLICT");

        var client = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        var path = $"/registry/certificate/{issued.Id()}";
        var token = CertGuardApp.AntiforgeryToken(await client.GetStringAsync(path));
        var posted = await client.PostAsync($"{path}/act/revocation", Form(token,
            ("Version", issued.Version().ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Reason", "PhysicallyUnfit")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var shown = await client.GetAsync(posted.Headers.Location);
        Assert.Equal(api.StatusCode, shown.StatusCode);
        Assert.Contains("data-code=\"CERT-CONFLICT\"", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The status belongs to the refusal, not to the page: reloading it is a plain 200.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_taken_position_name_is_409_on_the_positions_page_as_in_the_API()
    {
        var api = app.ApiClient(Role.Employer.Id);
        var name = "登高架设岗" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/positions", new { name, items = HeightWork })).StatusCode);
        var again = await api.PostAsJsonAsync("/api/v1/positions", new { name, items = HeightWork });
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "POSITION-NAME-TAKEN");

        var client = await app.SignedInClientAsync(Role.Employer.Id);
        var token = CertGuardApp.AntiforgeryToken(await client.GetStringAsync("/roster/positions"));
        var page = await client.PostAsync("/roster/positions", Form(token, ("Name", name), ("Items", "3.1")));

        Assert.Equal(again.StatusCode, page.StatusCode);
        Assert.Contains($"本单位已有名为“{name}”的岗位", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Another writer holding the database: SQLite's exclusive transaction, PostgreSQL's lock on the certificates.</summary>
    private async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        if (app.Provider == DatabaseProvider.Postgres)
        {
            await using var db = app.SystemDb();
            var table = db.Model.FindEntityType(typeof(Certificate))!.GetTableName();
            var connection = new NpgsqlConnection(app.Database.ConnectionString);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand($"LOCK TABLE \"{table}\" IN ACCESS EXCLUSIVE MODE", connection, transaction);
            await command.ExecuteNonQueryAsync();
            return new Held(async () => { await transaction.RollbackAsync(); await connection.DisposeAsync(); });
        }
        var sqlite = new SqliteConnection(app.Database.ConnectionString);
        await sqlite.OpenAsync();
        await using (var begin = new SqliteCommand("BEGIN EXCLUSIVE", sqlite))
            await begin.ExecuteNonQueryAsync();
        return new Held(async () =>
        {
            await using (var rollback = new SqliteCommand("ROLLBACK", sqlite))
                await rollback.ExecuteNonQueryAsync();
            await sqlite.DisposeAsync();
        });
    }

    private sealed class Held(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}

public sealed class SqliteErrorHandlingTests(FaultySqliteApp app) : ErrorHandlingTests(app), IClassFixture<FaultySqliteApp>;

public sealed class PostgresErrorHandlingTests(FaultyPostgresApp app) : ErrorHandlingTests(app), IClassFixture<FaultyPostgresApp>;
