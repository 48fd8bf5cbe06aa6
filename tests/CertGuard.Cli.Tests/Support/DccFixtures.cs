namespace CertGuard.Cli.Tests.Support;

/// <summary>The EU DCC public test vectors, shared/fixtures/dcc beside the repository.</summary>
public static class DccFixtures
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "dcc");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("shared/fixtures/dcc not found beside the repository.");
    }
}
