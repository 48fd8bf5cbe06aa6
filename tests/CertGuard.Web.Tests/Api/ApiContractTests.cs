using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CertGuard.Web.Tests.Api;

/// <summary>
/// What every API client relies on: failures are RFC 9457 problems with a stable code and a Chinese title (never
/// a redirect to a sign-in page), and the OpenAPI document and its reference page describe the API.
/// </summary>
public abstract class ApiContractTests(CertGuardApp app)
{
    [Theory]
    [InlineData("/api/v1/nothing")]
    [InlineData("/api/v1/certificates/not-a-guid/history")]
    [InlineData("/api/nothing")]
    public async Task Unknown_api_path_is_a_404_problem_with_a_Chinese_title(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT-FOUND");
        Assert.Equal("请求的资源不存在。", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unauthenticated_api_call_is_a_401_problem_not_a_redirect()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/api/v1/certificates", $"/api/v1/certificates/{Guid.NewGuid()}", "/api/v1/audit/verify", "/api/v1/api-keys" })
        {
            var response = await client.GetAsync(path);
            var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
            Assert.Null(response.Headers.Location);
            Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
        }
    }

    [Fact]
    public async Task Signed_in_account_of_a_role_without_access_gets_a_403_problem_not_a_redirect()
    {
        var exam = await app.SignedInClientAsync(Role.ExamCentre.Id);
        var response = await exam.GetAsync("/api/v1/certificates");
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        var response = await app.ApiClient(Role.ProvinceOffice.Id).DeleteAsync("/api/v1/certificates");
        var problem = await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "METHOD-NOT-ALLOWED");
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Unreadable_query_parameter_is_a_400_problem()
    {
        var response = await app.ApiClient(Role.ProvinceOffice.Id).GetAsync("/api/v1/certificates?pageSize=abc");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "BAD-REQUEST");
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Unknown_certificate_is_a_404_problem_of_its_own()
    {
        var response = await app.ApiClient(Role.ProvinceOffice.Id).GetAsync($"/api/v1/certificates/{Guid.NewGuid()}");
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "CERT-NOT-FOUND");
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Unknown_page_outside_the_api_is_not_answered_as_a_problem()
    {
        var response = await app.CreateClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenAPI_document_lists_the_registry_and_audit_endpoints()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("CertGuard API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/certificates", paths);
        Assert.Contains("/api/v1/certificates/{id}", paths);
        Assert.Contains("/api/v1/holders/{number}/certificates", paths);
        Assert.Contains("/api/v1/audit/verify", paths);
        Assert.Contains("/api/v1/reference/regions", paths);
        Assert.DoesNotContain("/culture", paths);
    }

    [Fact]
    public async Task API_reference_page_answers()
    {
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true }).GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);

        // Its scripts come from this site (the CSP allows no other), resolved against the page's final address.
        var page = response.RequestMessage!.RequestUri!;
        foreach (var src in System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]* src=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
        {
            var url = new Uri(page, src);
            Assert.Equal(page.Host, url.Host);
            var script = await app.CreateClient().GetAsync(url.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Public_reference_data_needs_no_account()
    {
        var regions = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/reference/regions");
        Assert.Equal(22, regions.GetArrayLength());
        var catalogue = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/reference/catalogue");
        Assert.True(catalogue.GetArrayLength() > 5);
    }
}

public sealed class SqliteApiContractTests(SqliteApp app) : ApiContractTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiContractTests(PostgresApp app) : ApiContractTests(app), IClassFixture<PostgresApp>;
