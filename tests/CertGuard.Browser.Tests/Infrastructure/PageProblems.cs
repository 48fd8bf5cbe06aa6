using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace CertGuard.Browser.Tests.Infrastructure;

/// <summary>
/// Everything a page reports going wrong: console errors (CSP violations among them), uncaught script errors,
/// requests that failed outright and responses with an error status.
/// </summary>
internal sealed class PageProblems
{
    private readonly ConcurrentQueue<string> _problems = new();

    public IReadOnlyList<string> All => [.. _problems];

    public static PageProblems Watch(IPage page)
    {
        var problems = new PageProblems();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") problems._problems.Enqueue($"console error on {page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => problems._problems.Enqueue($"script error on {page.Url}: {error}");
        page.RequestFailed += (_, request) => problems._problems.Enqueue($"request failed: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) problems._problems.Enqueue($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
        };
        return problems;
    }

    public void AssertNone() => Assert.True(_problems.IsEmpty, string.Join(Environment.NewLine, _problems));

    /// <summary>None but the refusals the test caused on purpose: a page answers a refusal with its status (409, 422 …).</summary>
    public void AssertNoneBut(int status, string path)
    {
        var others = _problems.Where(p => !(p.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                                            && p.Contains(path, StringComparison.Ordinal))).ToList();
        Assert.True(others.Count == 0, string.Join(Environment.NewLine, others));
    }
}
