using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Certificates;
using CertGuard.Core.Time;
using CertGuard.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests;

/// <summary>Small helpers shared by the feature tests: problem details, the platform's clock and rules.</summary>
internal static class Http
{
    /// <summary>Asserts an RFC 9457 problem with the given status and stable code; returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        // The body in the message: a wrong status says which problem came instead.
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>True when the text holds at least one CJK ideograph: Chinese messages are written as characters.</summary>
    public static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    public static TimeProvider Clock(this CertGuardApp app) => app.Services.GetRequiredService<TimeProvider>();

    public static CertificateRules Rules(this CertGuardApp app) => app.Services.GetRequiredService<CertificateRules>();

    public static DateOnly Today(this CertGuardApp app) => ChinaTime.Today(app.Clock());
}
