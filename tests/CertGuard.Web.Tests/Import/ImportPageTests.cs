using System.Net;
using CertGuard.Core.Accounts;
using CertGuard.Core.Registry.Import;
using CertGuard.Testing;

namespace CertGuard.Web.Tests.Import;

/// <summary>The upload page as an officer uses it: sign in, pick a file, read the report; with antiforgery, by role.</summary>
public abstract class ImportPageTests(CertGuardApp app)
{
    [Fact]
    public async Task An_authority_uploads_on_the_page_sees_the_bad_row_then_imports_the_good_ones()
    {
        var client = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        var lines = await ImportFiles.SampleAsync(app, 12, seed: 606, city: "440100");
        ImportFiles.Set(lines, 4, ImportColumn.Sex, "X");

        var refused = await UploadAsync(client, ImportFiles.Utf8(lines), goodRowsOnly: false);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-written=\"0\"", html, StringComparison.Ordinal);
        Assert.Contains("data-rejected=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"4\"><td>4</td><td>性别</td><td>性别“X”无效", html, StringComparison.Ordinal);
        Assert.Contains("未写入任何证书", html, StringComparison.Ordinal);

        var partial = await UploadAsync(client, ImportFiles.Utf8(lines), goodRowsOnly: true);

        var report = await partial.Content.ReadAsStringAsync();
        Assert.Contains("data-written=\"11\"", report, StringComparison.Ordinal);
        Assert.Contains("共 12 行：写入 11 行，未变 0 行，拒绝 1 行。", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        var client = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        var lines = await ImportFiles.SampleAsync(app, 1, seed: 607, city: "440100");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(ImportFiles.Utf8(lines)), "Upload", "gz.csv" } };

        var response = await client.PostAsync("/registry/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The API refuses a cookie-signed upload without a token too (a key-signed one needs none).
        var api = await ImportFiles.PostAsync(client, ImportFiles.Utf8(lines), "gz.csv");
        await api.AssertProblemAsync(HttpStatusCode.BadRequest, "ANTIFORGERY");
    }

    [Fact]
    public async Task Police_cannot_open_the_import_page()
    {
        var client = await app.SignedInClientAsync(Role.Police.Id);

        var response = await client.GetAsync("/registry/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registry_page_links_the_search_to_its_export_and_offers_import_and_full_numbers_by_role()
    {
        var authority = await (await app.SignedInClientAsync(Role.IssuingAuthority.Id)).GetStringAsync("/registry?status=Revoked&category=1");
        var police = await (await app.SignedInClientAsync(Role.Police.Id)).GetStringAsync("/registry?status=Revoked");

        Assert.Contains("href=\"/api/v1/certificates/export?format=csv&amp;category=1&amp;status=Revoked\"", authority, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"export-full\"", authority, StringComparison.Ordinal);
        Assert.Contains("href=\"/registry/import\"", authority, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"export-xlsx\"", police, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"export-full\"", police, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/registry/import\"", police, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, bool goodRowsOnly)
    {
        var token = CertGuardApp.AntiforgeryToken(await client.GetStringAsync("/registry/import"));
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(file), "Upload", "广州证书.csv" },
            { new StringContent(goodRowsOnly ? "true" : "false"), "GoodRowsOnly" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync("/registry/import", form);
    }
}

public sealed class SqliteImportPageTests(SqliteApp app) : ImportPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresImportPageTests(PostgresApp app) : ImportPageTests(app), IClassFixture<PostgresApp>;
