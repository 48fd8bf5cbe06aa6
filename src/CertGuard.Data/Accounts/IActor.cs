using CertGuard.Core.Accounts;

namespace CertGuard.Data.Accounts;

/// <summary>
/// Who is acting, for the audit log, and what they may see, for the query filters. A null scope means the
/// platform itself (start-up, jobs, the CLI) and sees everything.
/// </summary>
public interface IActor
{
    string Name { get; }

    AccessScope? Scope { get; }
}

public sealed record SystemActor(string Name) : IActor
{
    public static readonly SystemActor Platform = new("system");

    public AccessScope? Scope => null;
}
