using CertGuard.Core.Accounts;

namespace CertGuard.Data.Accounts;

/// <summary>
/// The acting user, injected wherever someone acts: who (for the audit log and histories) and what they may see (for
/// the query filters). Web requests act as the signed-in account or API key (or an anonymous visitor); background
/// jobs and the CLI as a named <see cref="SystemActor"/>. Feature services take this, never the HTTP context.
/// </summary>
public interface IActor
{
    /// <summary>The account's user name, or the name of the job or command (<c>job:…</c>, <c>cli:…</c>).</summary>
    string Name { get; }

    /// <summary>What the actor may see; null for the platform itself (jobs, the CLI), which sees everything.</summary>
    AccessScope? Scope { get; }

    /// <summary>The role of a signed-in account; null for the platform and for anonymous visitors.</summary>
    Role? Role => Scope is { } scope && scope.Role != Core.Accounts.Role.Public ? scope.Role : null;

    /// <summary>The account's organisation (an employer, an institution, an issuing authority), when it has one.</summary>
    Guid? OrganisationId => Scope?.OrganisationId;

    /// <summary>A signed-in account or API key (false for anonymous visitors and for the platform).</summary>
    bool IsSignedIn => Role is not null;

    /// <summary>The request is authenticated by an API key rather than a browser session.</summary>
    bool IsApiKey => false;

    /// <summary>How people read the actor's name (the account's display name), for histories.</summary>
    string DisplayName => Name;
}
