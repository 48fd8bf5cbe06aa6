using System.Net;
using CertGuard.Core.Accounts;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Errors;

/// <summary>
/// Pages answer errors with the platform's own page in the visitor's language, the right status and a way back
/// (issue 17.6: an unknown path or an out-of-scope certificate was 404 with an empty body, a denied page 200); API
/// paths keep their RFC 9457 problems.
/// </summary>
public abstract class ErrorPageTests(FaultyApp app)
{
    [Fact]
    public async Task An_unknown_path_is_a_chinese_404_page_with_a_way_back_and_english_when_chosen()
    {
        var response = await app.CreateClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"404\"", html);
        Assert.Contains("页面不存在", html);
        Assert.Contains("data-testid=\"way-back\"", html);

        var english = await app.CreateClient().GetAsync("/no-such-page?culture=en");
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Contains("Page not found", await english.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_certificate_out_of_scope_is_a_404_page_and_a_forbidden_print_a_403_page()
    {
        Guid elsewhere, guangzhou;
        await using (var db = app.SystemDb())
        {
            elsewhere = await db.Certificates.AsNoTracking().Where(c => c.RegionCode != "440100").Select(c => c.Id).FirstAsync();
            guangzhou = await db.Certificates.AsNoTracking().Where(c => c.RegionCode == "440100").Select(c => c.Id).FirstAsync();
        }
        var police = await app.SignedInClientAsync(Role.Police.Id);

        var outOfScope = await police.GetAsync($"/registry/certificate/{elsewhere}");
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Contains("data-status=\"404\"", await outOfScope.Content.ReadAsStringAsync());

        var print = await police.GetAsync($"/registry/certificate/{guangzhou}/print");
        Assert.Equal(HttpStatusCode.Forbidden, print.StatusCode);
        var html = await print.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"403\"", html);
        Assert.Contains("无权访问", html);
        Assert.Contains("href=\"/workbench\"", html);
    }

    [Fact]
    public async Task A_denied_page_answers_403()
    {
        var training = await app.SignedInClientAsync(Role.TrainingInstitution.Id);
        var denied = await training.GetAsync("/registry");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        var page = await training.GetAsync(denied.Headers.Location!);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("无权访问", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unexpected_failure_on_a_page_is_a_500_page_with_a_way_back()
    {
        var client = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        client.DefaultRequestHeaders.Add(FaultyApp.Header, "unexpected-page");

        var response = await client.GetAsync("/registry/reminders");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("出错了", html);
        Assert.Contains("data-testid=\"way-back\"", html);
        Assert.DoesNotContain("A fault the test asked for", html);
    }

    [Fact]
    public async Task Api_paths_keep_their_problems()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/no-such-thing");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT-FOUND");
    }
}

public sealed class SqliteErrorPageTests(FaultySqliteApp app) : ErrorPageTests(app), IClassFixture<FaultySqliteApp>;

public sealed class PostgresErrorPageTests(FaultyPostgresApp app) : ErrorPageTests(app), IClassFixture<FaultyPostgresApp>;
