using System.Net;
using CertGuard.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Architecture;

/// <summary>
/// Safe by default: a page or endpoint is private unless it is marked anonymous on purpose. Every endpoint of the app
/// is listed here; the anonymous ones must be exactly this list, so a new public page is a decision someone wrote down
/// and a forgotten [Authorize] is a failing test rather than an open page.
/// </summary>
public abstract class SafeByDefaultTests(CertGuardApp app)
{
    public static readonly string[] Public =
    [
        // Pages: home, sign-in and its neighbours, errors, the public query and verify pages, employer self-registration.
        "GET POST /",
        "GET POST /account/denied",
        "GET POST /account/sign-in",
        "GET POST /account/sign-out",
        "GET POST /employers/register",
        "GET POST /error",
        "GET POST /error/{code:int}",
        "GET POST /query",
        "GET POST /query/checks",
        "GET POST /verify",
        "POST /culture",
        // Web watch: anyone reports a fake query site (page and API, rate-limited like the query).
        "GET POST /webwatch/report",
        "POST /api/v1/public/webwatch/reports",
        // The API's description and its reference page.
        "GET /openapi/{documentName}.json",
        "GET POST /api/reference",
        // Offline verification's trust list, root key and status lists.
        "GET /.well-known/certguard/root-key.json",
        "GET /.well-known/certguard/status/{id}",
        "GET /.well-known/certguard/trust-list.json",
        // The public API: the query, its challenge, the holder's checks, QR verification, reference data.
        "GET /api/v1/public/challenge",
        "POST /api/v1/public/challenge",
        "GET /api/v1/public/verify",
        // The load benchmark's bare lookup: mapped only with PublicQuery:BareEndpoint=true on PostgreSQL (BareQueryTests).
        "GET /api/v1/public/verify-bare",
        "POST /api/v1/public/checks",
        "POST /api/v1/verify/qr",
        "GET /api/v1/reference/catalogue",
        "GET /api/v1/reference/regions",
        // Tips (举报): the form and the follow-up by receipt, page and API; the receipt is the only credential.
        "GET POST /tips/new",
        "GET POST /tips/follow-up",
        "POST /api/v1/public/tips/",
        "GET /api/v1/public/tips/{receipt}",
        "POST /api/v1/public/tips/follow-up",
        "POST /api/v1/public/tips/replies",
        "POST /api/v1/public/tips/reward-claims",
        // Typical cases (典型案例): the published ones, page, Atom feed and API.
        "GET POST /typical-cases",
        "GET /typical-cases/feed.atom",
        "GET /api/v1/public/typical-cases",
        // Campaign circulars the province office published to the public page.
        "GET /api/v1/public/circulars",
    ];

    /// <summary>Public entries that exist only under a switch that is off here (and in production).</summary>
    public static readonly string[] OnlyUnderSwitch = ["GET /api/v1/public/verify-bare"];

    [Fact]
    public void The_anonymous_endpoints_are_exactly_the_public_list()
    {
        var anonymous = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(Describe).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(Public.Except(OnlyUnderSwitch).Order(StringComparer.Ordinal).SequenceEqual(anonymous), "anonymous endpoints:\n" + string.Join("\n", anonymous));
    }

    [Fact]
    public void Every_other_endpoint_is_private()
    {
        // No marker at all means the fallback policy (a signed-in account); a policy of its own is at least that.
        var endpoints = Endpoints().ToList();
        Assert.True(endpoints.Count > 100, $"only {endpoints.Count} endpoints found");
        Assert.All(endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null),
            e => Assert.DoesNotContain(Describe(e), Public));
    }

    [Theory]
    [InlineData("/registry/reminders")]
    [InlineData("/roster/positions")]
    [InlineData("/institutions/questionnaire")]
    public async Task A_private_page_sends_a_visitor_to_sign_in(string path)
    {
        var response = await Visitor().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/api/v1/nothing")]
    [InlineData("/api/v1/public/verify-bare?no=440106199001011234")]
    [InlineData("/favicon.svg")]
    public async Task An_address_with_nothing_behind_it_is_not_found_or_served_without_sign_in(string path)
    {
        var response = await Visitor().GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.Equal(path == "/favicon.svg" ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private HttpClient Visitor() => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string Describe(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m
            ? string.Join(' ', m.Order(StringComparer.Ordinal))
            : "GET POST";
        return $"{methods} /{endpoint.RoutePattern.RawText?.TrimStart('/')}";
    }
}

public sealed class SqliteSafeByDefaultTests(SqliteApp app) : SafeByDefaultTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSafeByDefaultTests(PostgresApp app) : SafeByDefaultTests(app), IClassFixture<PostgresApp>;
