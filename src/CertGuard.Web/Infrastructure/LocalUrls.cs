namespace CertGuard.Web.Infrastructure;

/// <summary>
/// Whether a return address stays on this site: a path ("/x", "~/x"), never "//host" or "/\host" (browsers read a
/// backslash as a slash) nor control characters. The same rule as ASP.NET Core's IsLocalUrl, without an MVC context.
/// </summary>
public static class LocalUrls
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl)) return false;
        if (url[0] == '/') return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        return url.Length > 1 && url[0] == '~' && url[1] == '/' && (url.Length == 2 || (url[2] != '/' && url[2] != '\\'));
    }
}
