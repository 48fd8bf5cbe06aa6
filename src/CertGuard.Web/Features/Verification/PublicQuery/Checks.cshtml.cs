using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>
/// The holder's page: who checked my certificate. The holder gives the QR code of their own card (a photo, read in the
/// browser, or its text); the answer comes from POST /api/v1/public/checks (<see cref="HolderChecks"/>).
/// </summary>
public sealed class ChecksModel(IOptions<VerificationLogOptions> log, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly string[] ScriptStrings =
    [
        "Working", "Found", "At", "Channel", "Asker", "Result", "Empty", "NoCode", "Error",
    ];

    public int RetentionDays => log.Value.EffectiveRetentionDays;

    /// <summary>JSON: {key: text} of what the script shows, keyed as in the resources without "PublicQuery.Holder.Js.".</summary>
    public string StringsJson { get; private set; } = "{}";

    public void OnGet()
    {
        var strings = ScriptStrings.ToDictionary(k => k, k => localizer[$"PublicQuery.Holder.Js.{k}"].Value);
        foreach (var key in new[] { "Field.Holder", "Field.Number", "Field.Item" }) strings[key] = localizer[key].Value;
        StringsJson = JsonSerializer.Serialize(strings);
    }
}
