using System.Net;
using CertGuard.Core.Certificates;
using CertGuard.Core.Time;
using CertGuard.Data.Verification;
using CertGuard.Web.Features.Verification.PublicQuery;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Verification.PublicQuery;

/// <summary>
/// The page a citizen lands on, as a fake site cannot copy it: the official address, the free and no-sale notices,
/// the QR check linked, strict headers (HSTS over HTTPS, CSP, no framing); and the query's one lookup.
/// </summary>
public abstract class PublicQueryPageTests(PublicQueryApp app)
{
    [Fact]
    public async Task The_query_page_states_the_official_address_that_the_query_is_free_and_links_the_qr_check_and_the_holders_page()
    {
        var page = await app.CreateClient().GetStringAsync("/query");

        Assert.Contains("特种作业操作证官方查询", page, StringComparison.Ordinal);
        Assert.Contains("https://certguard.gd.gov.cn/query", page, StringComparison.Ordinal);
        Assert.Contains("查询完全免费", page, StringComparison.Ordinal);
        Assert.Contains("证书不能买卖", page, StringComparison.Ordinal);
        Assert.Contains("如何识别假查询网站", page, StringComparison.Ordinal);
        Assert.Contains("12350", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/verify\"", page, StringComparison.Ordinal);
        Assert.Contains("src=\"/query/query.js", page, StringComparison.Ordinal);
        // The test host is not the official one: the page says so.
        Assert.Contains("data-testid=\"query-host-note\"", page, StringComparison.Ordinal);
        var home = await app.CreateClient().GetStringAsync("/");
        Assert.Contains("href=\"/query\" data-testid=\"home-query\"", home, StringComparison.Ordinal);

        var english = await app.CreateClient().GetStringAsync("/query?culture=en");
        Assert.Contains("Official special operations certificate query", english, StringComparison.Ordinal);

        // The holder's page is linked, and says what opens it and what it shows.
        Assert.Contains("href=\"/query/checks\"", page, StringComparison.Ordinal);
        var holder = await app.CreateClient().GetStringAsync("/query/checks");
        Assert.Contains("谁查验过我的证书", holder, StringComparison.Ordinal);
        Assert.Contains("只有带发证机关签名的二维码才能打开查验记录", holder, StringComparison.Ordinal);
        Assert.Contains("查验记录保存 730 天", holder, StringComparison.Ordinal);
        Assert.Contains("src=\"/query/checks.js", holder, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/query")]
    [InlineData("/api/v1/public/verify?no=440106199001011234&name=%E5%BC%A0%E4%B8%89")]
    public async Task Page_and_api_send_hsts_over_https_and_forbid_framing_and_foreign_scripts(string path)
    {
        var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://certguard.example.cn/") });
        https.DefaultRequestHeaders.Add(PublicQueryApp.ClientHeader, PublicQueryApp.NewAddress().ToString());
        var response = await https.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));

        // Plain HTTP gets no HSTS (a browser ignores it there, RFC 6797 §7.2).
        var plain = app.CreateClient();
        plain.DefaultRequestHeaders.Add(PublicQueryApp.ClientHeader, PublicQueryApp.NewAddress().ToString());
        Assert.False((await plain.GetAsync(path)).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_wrong_name_and_an_unknown_number_cost_the_same_one_lookup_and_one_log_entry()
    {
        var (certificate, _) = await app.TakeAsync(CertificateState.Valid);
        await using var scope = app.Services.CreateAsyncScope();
        var lookup = new CountingLookup(scope.ServiceProvider.GetRequiredService<ICertificateLookup>());
        var log = new VerificationLog();
        var service = new PublicQueryService(lookup, log, scope.ServiceProvider.GetRequiredService<PublicAnswers>(), app.Clock(), app.Rules());
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();

        await service.QueryAsync("T" + certificate.Number, "查无此人", http, CancellationToken.None);
        var unknown = PublicQueryApp.UnknownNumber();
        await service.QueryAsync(unknown, certificate.HolderName, http, CancellationToken.None);

        Assert.Equal([certificate.Number, unknown], lookup.Asked);
        Assert.Equal(2, log.Pending);
    }

    [Fact]
    public async Task The_lookup_reads_the_same_state_as_the_registry_for_certificates_in_every_state()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var lookup = new DatabaseCertificateLookup(scope.ServiceProvider.GetRequiredService<Data.CertGuardDbContext>());
        await using var db = app.SystemDb();
        var certificates = await db.Certificates.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var seen = new HashSet<CertificateState>();

        foreach (var certificate in certificates.GroupBy(c => c.StateAt(app.Clock(), app.Rules())).SelectMany(g => g.Take(3)))
        {
            var row = (await lookup.FindAsync(certificate.Number, CancellationToken.None)).Single(r => r.Id == certificate.Id);
            var state = row.StateOn(ChinaTime.Today(app.Clock()), app.Rules());
            Assert.Equal(certificate.StateAt(app.Clock(), app.Rules()), state);
            seen.Add(state);
        }
        Assert.Equal(Enum.GetValues<CertificateState>().Length, seen.Count);
    }

    private sealed class CountingLookup(ICertificateLookup inner) : ICertificateLookup
    {
        public List<string> Asked { get; } = [];

        public Task<IReadOnlyList<PublicCertificateRow>> FindAsync(string number, CancellationToken ct)
        {
            Asked.Add(number);
            return inner.FindAsync(number, ct);
        }
    }
}

[Collection(SqlitePublicQueryCollection.Name)]
public sealed class SqlitePublicQueryPageTests(SqlitePublicQueryApp app) : PublicQueryPageTests(app);

[Collection(PostgresPublicQueryCollection.Name)]
public sealed class PostgresPublicQueryPageTests(PostgresPublicQueryApp app) : PublicQueryPageTests(app);
