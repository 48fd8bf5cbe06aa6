namespace CertGuard.Cli.Tests.Support;

/// <summary>One in-process run of <c>certguard</c>: its exit code and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    static CliRun() => CertGuard.Testing.TestKeys.UseForCli();

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Cli.RunAsync(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
