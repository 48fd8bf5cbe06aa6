using System.Net;
using CertGuard.Testing;
using CertGuard.Web.Tests.Verification.PublicQuery;

namespace CertGuard.Web.Tests.Employers;

/// <summary>
/// Anonymous self-registration is limited per client address (5 an hour by default). In the public-query app, whose
/// requests can say which address they come from, so this test's address is its own.
/// </summary>
public abstract class RegistrationLimitTests(PublicQueryApp app)
{
    private const int PerHour = 5;

    [Fact]
    public async Task Anonymous_registrations_from_one_address_are_limited_and_the_form_still_shows()
    {
        var address = PublicQueryApp.NewAddress();
        var client = app.Client(address);
        for (var i = 0; i < PerHour; i++)
        {
            var refused = await RegisterAsync(client);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        var limited = await RegisterAsync(client);
        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "EMPLOYER-REGISTRATION-LIMITED");
        Assert.Equal("注册提交过于频繁，请稍后再试。", problem.GetProperty("title").GetString());
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/employers/register")).StatusCode);

        // Another address is not affected.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await RegisterAsync(app.Client(PublicQueryApp.NewAddress()))).StatusCode);
    }

    /// <summary>A registration with a credit code whose check character is wrong: refused, but it counts.</summary>
    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/employers/register");
        return await client.PostAsync("/employers/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "频繁注册测试有限公司", ["CreditCode"] = "91440101MA5XXXXXX0", ["City"] = "440100", ["Industry"] = "制造",
            ["ContactName"] = "王", ["ContactPhone"] = "13800138000", ["UserName"] = "too.many", ["Password"] = "Too-Many-2026!",
            ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(page),
        }));
    }
}

[Collection(SqlitePublicQueryCollection.Name)]
public sealed class SqliteRegistrationLimitTests(SqlitePublicQueryApp app) : RegistrationLimitTests(app);

[Collection(PostgresPublicQueryCollection.Name)]
public sealed class PostgresRegistrationLimitTests(PostgresPublicQueryApp app) : RegistrationLimitTests(app);
