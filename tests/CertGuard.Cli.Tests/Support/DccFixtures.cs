namespace CertGuard.Cli.Tests.Support;

/// <summary>
/// The EU DCC public test vectors vendored in tests/fixtures/dcc (origin and licence in its README), copied beside
/// the test assembly by the build, so the tests need nothing outside the repository.
/// </summary>
public static class DccFixtures
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "fixtures", "dcc");
        return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.json").Any()
            ? folder
            : throw new DirectoryNotFoundException($"The vendored DCC vectors are missing from {folder}; they come from tests/fixtures/dcc.");
    }
}
