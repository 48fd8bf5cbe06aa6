using System.Text.Json;
using Microsoft.Playwright;

namespace CertGuard.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core (vendored under Vendor/axe-core with its licence and origin) run in a page: evaluated through the
/// DevTools protocol, so the page's CSP stays as strict as for users, with the WCAG 2.0 and 2.1 A/AA rules.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "CertGuard.Browser.Tests", "Vendor", "axe-core", "axe.min.js")));

    /// <summary>The violations on the page as it is now, one line each (rule, impact, the first few targets).</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return JSON.stringify(result.violations.map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\n').slice(1, 2).join('')) })));
            }
            """);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(v => $"{new Uri(page.Url).PathAndQuery}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) " +
                         string.Join(" | ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString())))
            .ToList();
    }
}
