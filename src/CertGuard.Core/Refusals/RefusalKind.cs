namespace CertGuard.Core;

/// <summary>
/// What kind of refusal a rule makes, decided where it is raised. The web host maps each kind to one HTTP
/// status, the same for the API and the pages.
/// </summary>
public enum RefusalKind
{
    /// <summary>The request breaks a rule of the domain (422).</summary>
    Invalid,

    /// <summary>The thing asked for does not exist, or not in the caller's scope (404).</summary>
    NotFound,

    /// <summary>The thing exists but its state forbids the action, or it changed meanwhile (409).</summary>
    Conflict,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>The upload or request is larger than allowed (413).</summary>
    TooLarge,

    /// <summary>Too many requests; try again later (429).</summary>
    TooMany,

    /// <summary>The platform is busy; try again later (503).</summary>
    Busy,
}
