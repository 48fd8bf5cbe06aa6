using CertGuard.Data.Protection;

namespace CertGuard.Testing;

/// <summary>
/// The external key the tests run with: made fresh in a temporary folder once per test process, so a clone with no
/// keys anywhere runs the suite. Web hosts get it through <see cref="TestDatabase.Settings"/>, the CLI through the
/// environment variable <c>Keys__MasterKeyFile</c>.
/// </summary>
public static class TestKeys
{
    public const string Variable = "Keys__MasterKeyFile";

    public static string File { get; } = Create();

    /// <summary>Points every CLI run in this process at <see cref="File"/>.</summary>
    public static void UseForCli() => Environment.SetEnvironmentVariable(Variable, File);

    /// <summary>Another key, in its own folder: a host that does not hold the right one.</summary>
    public static string CreateOther() => Create();

    private static string Create()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("certguard-keys-").FullName, ExternalKeyLoader.DefaultFileName);
        ExternalKeyLoader.Generate(path);
        return path;
    }
}
