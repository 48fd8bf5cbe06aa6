using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Data.Registry.Import;
using CertGuard.Web.Features.Registry.Import;
using CertGuard.Web.Tests.Employers;
using CertGuard.Web.Tests.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Uploads;

/// <summary>
/// Large imports run as background jobs (issue 18, item 6): 202 Accepted with the job to poll, progress by batch,
/// the report when done, on the page too; small files keep today's synchronous answer; a restart fails an
/// unfinished job; on SQLite a write meeting the running import's lock gets 503 with Retry-After, not a 30-second hang.
/// </summary>
public abstract class ImportJobTests(UploadsApp app)
{
    [Fact]
    public async Task A_large_import_returns_202_progresses_and_completes_and_a_small_one_stays_synchronous()
    {
        var client = app.ApiClient(Role.ProvinceOffice.Id);
        var small = await ImportFiles.SampleAsync(app, 50, seed: 9001);
        var large = await ImportFiles.SampleAsync(app, 300, seed: 9002);
        var paused = app.Jobs.PauseNextAsync();

        var now = await ImportFiles.PostAsync(client, ImportFiles.Utf8(small), "small.csv");
        var accepted = await ImportFiles.PostAsync(client, ImportFiles.Utf8(large), "large.csv");

        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        Assert.Equal(50, (await now.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("written").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.OriginalString;
        var job = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/certificates/imports/{job.GetProperty("id").GetGuid()}", location);
        Assert.Equal(300, job.GetProperty("rowsTotal").GetInt32());

        await paused.WaitAsync(TimeSpan.FromMinutes(2));
        var running = await client.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal(("running", 100, 300), (running.GetProperty("state").GetString(), running.GetProperty("rowsDone").GetInt32(), running.GetProperty("rowsTotal").GetInt32()));
        var office = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var page = await office.GetStringAsync($"/registry/import?job={job.GetProperty("id").GetGuid()}");
        Assert.Contains("data-state=\"running\"", page, StringComparison.Ordinal);
        Assert.Contains("<progress max=\"300\" value=\"100\"", page, StringComparison.Ordinal);
        app.Jobs.Release();

        var done = await UntilFinishedAsync(client, location);
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal(200, done.GetProperty("resultStatus").GetInt32());
        Assert.Equal((300, 300), (done.GetProperty("result").GetProperty("rows").GetInt32(), done.GetProperty("result").GetProperty("written").GetInt32()));
        var numbers = ImportFiles.Numbers(large);
        await using (var db = app.SystemDb()) Assert.Equal(300, await db.Certificates.CountAsync(c => numbers.Contains(c.Number)));
        var report = await office.GetStringAsync(location.Replace("/api/v1/certificates/imports/", "/registry/import?job=", StringComparison.Ordinal));
        Assert.Contains("data-written=\"300\"", report, StringComparison.Ordinal);
        // Another account's job is not its to read.
        await (await app.ApiClient(Role.IssuingAuthority.Id).GetAsync(location)).AssertProblemAsync(HttpStatusCode.NotFound, "IMPORT-JOB-NOT-FOUND");
    }

    [Fact]
    public async Task A_large_import_with_a_bad_row_completes_as_422_and_writes_nothing()
    {
        var client = app.ApiClient(Role.ProvinceOffice.Id);
        var lines = await ImportFiles.SampleAsync(app, 250, seed: 9003);
        ImportFiles.Set(lines, 240, Core.Registry.Import.ImportColumn.Sex, "X");

        var accepted = await ImportFiles.PostAsync(client, ImportFiles.Utf8(lines), "bad.csv");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var done = await UntilFinishedAsync(client, accepted.Headers.Location!.OriginalString);
        Assert.Equal((422, 0, 1), (done.GetProperty("resultStatus").GetInt32(), done.GetProperty("result").GetProperty("written").GetInt32(),
            done.GetProperty("result").GetProperty("rejected").GetInt32()));
        var numbers = ImportFiles.Numbers(lines);
        await using var db = app.SystemDb();
        Assert.Equal(0, await db.Certificates.CountAsync(c => numbers.Contains(c.Number)));
    }

    [Fact]
    public async Task A_restart_fails_the_jobs_it_interrupted_and_deletes_their_files()
    {
        var stored = Path.GetTempFileName();
        var queued = new ImportJob("queued.csv", stored, "gd.province", null, false, 1000, ImportJobRunner.Host, app.Clock().GetUtcNow());
        var running = new ImportJob("running.csv", stored, "gd.province", null, false, 1000, ImportJobRunner.Host, app.Clock().GetUtcNow());
        running.Start(app.Clock().GetUtcNow());
        var elsewhere = new ImportJob("other-host.csv", stored, "gd.province", null, false, 1000, "another-host", app.Clock().GetUtcNow());
        await using (var db = app.SystemDb())
        {
            db.AddRange(queued, running, elsewhere);
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<ImportJobRunner>().FailInterruptedAsync(CancellationToken.None);

        await using (var db = app.SystemDb())
        {
            var states = await db.Set<ImportJob>().AsNoTracking().Where(j => j.Id == queued.Id || j.Id == running.Id || j.Id == elsewhere.Id)
                .ToDictionaryAsync(j => j.FileName, j => (j.State, j.FailureCode));
            Assert.Equal((ImportJobState.Failed, "IMPORT-JOB-INTERRUPTED"), states["queued.csv"]);
            Assert.Equal((ImportJobState.Failed, "IMPORT-JOB-INTERRUPTED"), states["running.csv"]);
            Assert.Equal((ImportJobState.Queued, (string?)null), states["other-host.csv"]);
        }
        Assert.False(File.Exists(stored));
        var answer = await app.ApiClient(Role.ProvinceOffice.Id).GetFromJsonAsync<JsonElement>($"/api/v1/certificates/imports/{running.Id}");
        Assert.Equal("failed", answer.GetProperty("state").GetString());
        Assert.Equal("IMPORT-JOB-INTERRUPTED", answer.GetProperty("failure").GetProperty("code").GetString());
    }

    protected static async Task<JsonElement> UntilFinishedAsync(HttpClient client, string location)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("state").GetString() is "done" or "failed") return job;
            await Task.Delay(200);
        }
        throw new TimeoutException("The import job did not finish.");
    }
}

public sealed class SqliteImportJobTests(SqliteUploadsApp app) : ImportJobTests(app), IClassFixture<SqliteUploadsApp>
{
    private readonly SqliteUploadsApp _app = app;

    [Fact]
    public async Task A_write_meeting_a_running_import_gets_503_with_retry_after()
    {
        var employer = await _app.NewEmployerAsync();
        var worker = await _app.IssueOneAsync("1.1");
        var roster = ImportFiles.Utf8([RosterArrangement.Header, RosterArrangement.Line(worker)]);
        var lines = await ImportFiles.SampleAsync(_app, 300, seed: 9004);
        var client = _app.ApiClient(Role.ProvinceOffice.Id);
        var paused = _app.Jobs.PauseNextAsync();
        var accepted = await ImportFiles.PostAsync(client, ImportFiles.Utf8(lines), "busy.csv");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await paused.WaitAsync(TimeSpan.FromMinutes(2));

        var busy = await employer.Api.UploadAsync(roster);

        _app.Jobs.Release();
        await busy.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "DATABASE-BUSY");
        Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("done", (await UntilFinishedAsync(client, accepted.Headers.Location!.OriginalString)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await employer.Api.UploadAsync(roster)).StatusCode);
    }
}

public sealed class PostgresImportJobTests(PostgresUploadsApp app) : ImportJobTests(app), IClassFixture<PostgresUploadsApp>;
