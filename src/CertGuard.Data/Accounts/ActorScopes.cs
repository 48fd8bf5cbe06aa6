using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Data.Accounts;

/// <summary>
/// Holds the actor a service scope was opened for (a job, a command); when empty, the host's own actor applies (in the
/// web host, the request's account). Set it before anything in the scope resolves <see cref="IActor"/>.
/// </summary>
public sealed class ActorSlot
{
    public IActor? Actor { get; set; }
}

public static class ActorScopes
{
    /// <summary>
    /// Registers <see cref="IActor"/>: the scope's <see cref="ActorSlot"/> when set, else <paramref name="fallback"/>
    /// (the web request's account, or the CLI's user).
    /// </summary>
    public static IServiceCollection AddActor(this IServiceCollection services, Func<IServiceProvider, IActor> fallback)
    {
        services.AddScoped<ActorSlot>();
        services.AddScoped(sp => sp.GetRequiredService<ActorSlot>().Actor ?? fallback(sp));
        return services;
    }

    /// <summary>A service scope in which <paramref name="actor"/> acts, e.g. <c>scopes.CreateActorScope(SystemActor.Job("retention"))</c>.</summary>
    public static AsyncServiceScope CreateActorScope(this IServiceScopeFactory scopes, IActor actor)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorSlot>().Actor = actor;
        return scope;
    }
}
