namespace CertGuard.Web.Features.Workbench;

/// <summary>Where every account lands after signing in: its own workbench (what waits for it, whatever its role).</summary>
public static class Landing
{
    public const string Path = "/workbench";
}
