using System.Text.Json;
using CertGuard.Core.Catalogue;
using CertGuard.Core.Regions;
using CertGuard.Data.Credentials;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CertGuard.Web.Features.Verification;

/// <summary>
/// The public verify page. Besides the UI it hands the browser what an offline check needs and cannot fetch safely:
/// the province root key to pin (the trust list and status lists are verified against it), the messages of every
/// verification code, and the names of items and cities (the QR carries codes only).
/// </summary>
public sealed class VerifyModel(KeyRing keys, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Every code a result can carry: the decoder's (Cg1Codec), the registry's (online) and the browser's own.</summary>
    public static readonly string[] Codes =
    [
        "CG1-VALID", "CG1-EMPTY", "CG1-TOO-LONG", "CG1-PREFIX", "CG1-BASE45", "CG1-ZLIB", "CG1-ZLIB-LIMIT", "CG1-COSE",
        "CG1-ALG-UNSUPPORTED", "CG1-KID-MISSING", "CG1-KID-UNKNOWN", "CG1-ALG-MISMATCH", "CG1-SIG-INVALID", "CG1-CLAIMS",
        "CG1-NOT-YET-VALID", "CG1-EXPIRED", "CG1-REVOKED", "CG1-STATUS-UNAVAILABLE", "CG1-REGISTRY-MISSING",
        "CG1-REGISTRY-SUPERSEDED", "CG1-REGISTRY-NOT-VALID", "CG1-SM2-NEEDS-SERVER", "CG1-TRUST-UNAVAILABLE",
    ];

    public static readonly string[] Stages =
        ["Input", "Prefix", "Base45", "Zlib", "Cose", "Kid", "Signature", "Claims", "Dates", "Status", "Registry", "Complete"];

    /// <summary>Strings the script shows (results, camera, offline state), keyed as in the resources without "Verify.".</summary>
    private static readonly string[] ScriptStrings =
    [
        "Working", "Genuine", "Failed", "Inconclusive", "CodeLabel", "StageLabel", "Source.Server", "Source.Offline",
        "Source.Fallback", "StatusAsOf", "Advice.Bad", "Advice.Inconclusive", "Image.NoQr", "Image.Unreadable",
        "Image.Reading", "Camera.Start", "Camera.Stop", "Camera.Denied", "Camera.Unsupported", "Camera.Hint",
        "Offline.Ready", "Offline.NotReady", "Offline.Unsupported", "Offline.YouAreOffline", "Privacy",
        "Field.Holder", "Field.Number", "Field.Sex", "Field.Category", "Field.Item", "Field.Validity", "Field.NextReview", "Field.Authority",
    ];

    /// <summary>Hex kid of the province root key.</summary>
    public string RootKid { get; private set; } = "";

    /// <summary>The root key's SubjectPublicKeyInfo, base64 DER: the key pinned by this page.</summary>
    public string RootSubjectPublicKeyInfo { get; private set; } = "";

    /// <summary>JSON: {"codes": {code: message}, "stages": {stage: name}, "ui": {key: text}}.</summary>
    public string StringsJson { get; private set; } = "{}";

    /// <summary>JSON: {"items": {code: name}, "categories": {code: name}, "cities": {code: name}, "sex": {"M": …, "F": …}}.</summary>
    public string LabelsJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        using (var root = await keys.RootKeyAsync(ct))
        {
            RootKid = Convert.ToHexStringLower(root.Kid);
            RootSubjectPublicKeyInfo = Convert.ToBase64String(root.SubjectPublicKeyInfo);
        }
        StringsJson = JsonSerializer.Serialize(new
        {
            codes = Codes.ToDictionary(c => c, c => localizer[$"Verify.Code.{c}"].Value),
            stages = Stages.ToDictionary(s => s, s => localizer[$"Verify.Stage.{s}"].Value),
            ui = ScriptStrings.ToDictionary(k => k, k => localizer[k.StartsWith("Field.", StringComparison.Ordinal) ? k : $"Verify.{k}"].Value),
        });
        var catalogue = OperationCatalogue.Current;
        LabelsJson = JsonSerializer.Serialize(new
        {
            items = catalogue.Items.ToDictionary(i => i.Code, i => i.Name),
            categories = catalogue.Categories.ToDictionary(c => c.Code, c => c.Name),
            cities = RegionDirectory.Guangdong.Cities.ToDictionary(c => c.Code, c => c.Name),
            sex = new Dictionary<string, string> { ["M"] = localizer["Sex.Male"].Value, ["F"] = localizer["Sex.Female"].Value },
        });
    }
}
