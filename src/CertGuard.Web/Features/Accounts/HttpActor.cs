using CertGuard.Core.Accounts;
using CertGuard.Data.Accounts;

namespace CertGuard.Web.Features.Accounts;

/// <summary>The actor of a web request: read from the signed-in user each time, never cached.</summary>
internal sealed class HttpActor(IHttpContextAccessor accessor) : IActor
{
    public string Name => accessor.HttpContext?.User.Identity?.Name is { } name ? name : "anonymous";

    public AccessScope? Scope => accessor.HttpContext is { } context ? context.User.ToScope() : null;
}
