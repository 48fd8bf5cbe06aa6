using Microsoft.AspNetCore.Authorization;

namespace CertGuard.Web.Features.Accounts;

/// <summary>
/// The fallback policy's requirement: a signed-in account, except where the request reached no endpoint at all (an
/// unknown address or a static file), which has nothing to protect and should answer 404 rather than ask to sign in.
/// </summary>
internal sealed class SignedInOrNoEndpointRequirement : AuthorizationHandler<SignedInOrNoEndpointRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInOrNoEndpointRequirement requirement)
    {
        if (context.User.Identities.Any(i => i.IsAuthenticated) || context.Resource is HttpContext { } http && http.GetEndpoint() is null)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
