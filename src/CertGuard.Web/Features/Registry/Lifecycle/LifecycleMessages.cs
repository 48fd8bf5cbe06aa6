namespace CertGuard.Web.Features.Registry.Lifecycle;

/// <summary>
/// TempData keys that carry an action's outcome across its redirect to the certificate page (post-redirect-get):
/// which action succeeded, or which form was refused and why.
/// </summary>
public static class LifecycleMessages
{
    public const string Done = "Lifecycle.Done";
    public const string Form = "Lifecycle.Form";
    public const string Error = "Lifecycle.Error";
    public const string ErrorCode = "Lifecycle.ErrorCode";

    /// <summary>The refusal's status, which the certificate page answers with after the redirect (as the API would).</summary>
    public const string Status = "Lifecycle.Status";
}
