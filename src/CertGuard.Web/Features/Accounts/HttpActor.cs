using CertGuard.Core.Accounts;
using CertGuard.Data.Accounts;

namespace CertGuard.Web.Features.Accounts;

/// <summary>The actor of a web request: read from the signed-in user each time, never cached.</summary>
internal sealed class HttpActor(IHttpContextAccessor accessor) : IActor
{
    // Outside a request (start-up, background work) the platform itself acts, with no scope.
    public string Name => accessor.HttpContext is not { } context ? SystemActor.Platform.Name : context.User.Identity?.Name ?? "anonymous";

    public AccessScope? Scope => accessor.HttpContext is { } context ? context.User.ToScope() : null;
}
