using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>
/// The public query page: the form, the trust cues against fake query sites, and the strings its script shows. The
/// query itself goes to the API (GET /api/v1/public/verify), so the page and machine clients share one answer and one
/// set of limits.
/// </summary>
public sealed class QueryModel(IOptions<PublicQueryOptions> options, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly string[] ScriptStrings =
    [
        "Working", "FoundTitle", "NotFoundTitle", "NotFoundAdvice", "HintTitle", "Reason", "CheckedAt", "Error",
        "State.Valid", "State.ReviewDue", "State.ReviewOverdue", "State.ReviewFailed", "State.Expired", "State.Revoked", "State.Cancelled",
        "Checks.Link",
        "Limited.Challenge", "Limited.Solving", "Limited.Solved", "Limited.Failed", "Limited.RetryAfter",
    ];

    private static readonly string[] FieldStrings =
        ["Field.Holder", "Field.Number", "Field.Sex", "Field.Category", "Field.Item", "Field.FirstIssued", "Field.Validity", "Field.NextReview", "Field.Authority"];

    public string OfficialAddress => options.Value.OfficialAddress;

    /// <summary>The host this page was reached on, when it is not the official address's (a demo, a test, or a copy).</summary>
    public string? ForeignHost { get; private set; }

    /// <summary>JSON: {key: text} of what the script shows, keyed as in the resources without "PublicQuery.Js.".</summary>
    public string StringsJson { get; private set; } = "{}";

    public void OnGet()
    {
        var official = Uri.TryCreate(OfficialAddress, UriKind.Absolute, out var uri) ? uri.Authority : null;
        var here = Request.Host.Value;
        ForeignHost = string.Equals(official, here, StringComparison.OrdinalIgnoreCase) ? null : $"{Request.Scheme}://{here}";
        var strings = ScriptStrings.ToDictionary(k => k, k => localizer[$"PublicQuery.Js.{k}"].Value);
        foreach (var key in FieldStrings) strings[key] = localizer[key].Value;
        StringsJson = JsonSerializer.Serialize(strings);
    }
}
