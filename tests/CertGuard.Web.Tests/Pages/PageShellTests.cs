using System.Net;
using System.Net.Http.Headers;
using CertGuard.Core.Accounts;
using CertGuard.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CertGuard.Web.Tests.Pages;

/// <summary>
/// What every response and page carries: strict security headers (no framing by fake query sites, only this
/// site's scripts), and Chinese by default with English on request.
/// </summary>
public abstract class PageShellTests(CertGuardApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/api/v1/certificates")]
    [InlineData("/api/v1/nothing")]
    [InlineData("/registry")]
    public async Task Every_response_forbids_framing_and_foreign_scripts(string path)
    {
        var response = await Client().GetAsync(path);

        var csp = Directives(response);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task API_reference_is_the_sites_own_page_under_the_strict_csp_without_vendor_buttons()
    {
        var response = await app.CreateClient().GetAsync("/api/reference");
        var csp = Directives(response);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["style-src"]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>API 接口文档", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/public/verify", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src=|<link[^>]+href=)\"(https?:)?//", html);
        foreach (var vendor in new[] { "Deploy", "Ask AI", "Generate SDK", "scalar" })
            Assert.DoesNotContain(vendor, html, StringComparison.OrdinalIgnoreCase);
        // Linked from every page's footer, not from the public navigation.
        var home = await Client().GetStringAsync("/");
        Assert.Contains("data-testid=\"footer-api\" href=\"/api/reference\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("data-nav=\"api\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_carries_the_government_site_frame_and_deep_pages_their_breadcrumbs()
    {
        var home = await Client().GetStringAsync("/");
        Assert.Contains("href=\"#main\" data-testid=\"skip-link\"", home, StringComparison.Ordinal);
        Assert.Contains("id=\"main\"", home, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"gov-strip\"", home, StringComparison.Ordinal);
        Assert.Contains("主办单位：广东省安全生产委员会办公室", home, StringComparison.Ordinal);
        Assert.Contains("联系电话：", home, StringComparison.Ordinal);
        // Filing numbers appear once configured (Site:IcpNumber, Site:PublicSecurityNumber, Site:SiteCode); none by default.
        Assert.DoesNotContain("data-testid=\"footer-filings\"", home, StringComparison.Ordinal);

        var checks = await Client().GetStringAsync("/query/checks");
        Assert.Contains("data-testid=\"breadcrumbs\"", checks, StringComparison.Ordinal);
        Assert.Contains("<li aria-current=\"page\">", checks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_Chinese_by_default()
    {
        var home = await Client().GetStringAsync("/");
        Assert.Contains("<html lang=\"zh-CN\">", home, StringComparison.Ordinal);
        Assert.Contains("一个登记库，让假证无处可用", home, StringComparison.Ordinal);
        Assert.Contains("特种作业操作证综合治理平台", home, StringComparison.Ordinal);

        var signIn = await Client().GetStringAsync("/account/sign-in");
        Assert.Contains("连续输错密码5次，账号将锁定15分钟。", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_language_is_not_guessed()
    {
        var client = Client();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));
        var home = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"zh-CN\">", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_en_in_the_query_gives_English()
    {
        var home = await Client().GetStringAsync("/?culture=en");
        Assert.Contains("<html lang=\"en\">", home, StringComparison.Ordinal);
        Assert.Contains("One registry, so that a fake certificate is useless", home, StringComparison.Ordinal);
        Assert.DoesNotContain("一个登记库", home, StringComparison.Ordinal);

        var signIn = await Client().GetStringAsync("/account/sign-in?culture=en");
        Assert.Contains("Five wrong passwords lock the account for 15 minutes.", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chosen_language_is_remembered_by_cookie()
    {
        var client = Client();
        // As the header's form posts it: culture and returnUrl in the body, with the page's antiforgery token.
        var token = CertGuardApp.AntiforgeryToken(await client.GetStringAsync("/account/sign-in"));
        var chosen = await client.PostAsync("/culture", Form(("culture", "en"), ("returnUrl", "/account/sign-in"), ("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/account/sign-in", chosen.Headers.Location?.OriginalString);

        var page = await client.GetStringAsync("/account/sign-in");
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);

        // The return address must stay on this site.
        var away = await client.PostAsync("/culture", Form(("culture", "zh-CN"), ("returnUrl", "//evil.example"), ("__RequestVerificationToken", token)));
        Assert.Equal("/", away.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"zh-CN\">", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("/\\/evil.example")]
    [InlineData("~//evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("https://evil.example/")]
    public async Task A_return_address_off_the_site_goes_home_safely(string returnUrl)
    {
        var client = Client();
        var token = CertGuardApp.AntiforgeryToken(await client.GetStringAsync("/account/sign-in"));

        var answer = await client.PostAsync("/culture", Form(("culture", "en"), ("returnUrl", returnUrl), ("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/", answer.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Language_switch_without_the_antiforgery_token_is_refused()
    {
        var client = Client();
        var forged = await client.PostAsync("/culture", Form(("culture", "en"), ("returnUrl", "/")));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    [Fact]
    public async Task English_registry_page_names_states_in_English()
    {
        var client = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var zh = await client.GetStringAsync("/registry");
        Assert.Contains("证书登记库", zh, StringComparison.Ordinal);
        var en = await client.GetStringAsync("/registry?culture=en");
        Assert.Contains("Certificate registry", en, StringComparison.Ordinal);
        Assert.DoesNotContain("证书登记库", en, StringComparison.Ordinal);
    }

    private HttpClient Client() =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Dictionary<string, string> Directives(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        return header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
    }
}

public sealed class SqlitePageShellTests(SqliteApp app) : PageShellTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPageShellTests(PostgresApp app) : PageShellTests(app), IClassFixture<PostgresApp>;
