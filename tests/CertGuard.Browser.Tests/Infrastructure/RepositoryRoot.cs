namespace CertGuard.Browser.Tests.Infrastructure;

/// <summary>The folder holding CertGuard.slnx, found by walking up from the test binaries.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "CertGuard.slnx"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No CertGuard.slnx above {AppContext.BaseDirectory}.");
    }
}
