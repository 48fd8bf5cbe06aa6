using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features;

/// <summary>
/// The page shown for a page request that ended in an error status with no body of its own (an unknown path, a
/// certificate out of scope, a forbidden print page): re-executed by the status-code middleware, in the visitor's
/// language, with the original status kept and a way back. API paths answer RFC 9457 problems instead.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusPageModel : PageModel
{
    public int Code { get; private set; }

    public string? OriginalPath { get; private set; }

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    /// <summary>The resource key stem of the status: 404, 403, 500, or the generic one.</summary>
    public string Key => Code switch
    {
        404 or 403 or 500 or 429 => "Status." + Code,
        >= 500 => "Status.500",
        _ => "Status.Other",
    };

    private void Describe(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        // (A ?culture=en of the original request is kept by WebServices' re-executed culture provider.)
        OriginalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        // Asked for directly (/error/404), the page still answers with the status it describes.
        Response.StatusCode = Code;
    }
}
