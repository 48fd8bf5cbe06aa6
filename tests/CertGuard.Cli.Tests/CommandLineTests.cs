using CertGuard.Cli.Tests.Support;

namespace CertGuard.Cli.Tests;

/// <summary>The command line itself: help, and arguments refused before any database is touched.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_lists_the_commands_in_chinese()
    {
        var help = await CliRun.RunAsync("--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("certguard", help.Stdout, StringComparison.Ordinal);
        foreach (var command in new[] { "migrate", "audit", "seed", "--database-provider", "--connection-string" })
            Assert.Contains(command, help.Stdout, StringComparison.Ordinal);
        Assert.Contains("用法", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_help_explains_the_exit_codes()
    {
        var help = await CliRun.RunAsync("audit", "verify", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("退出码 1", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--json", help.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("frobnicate")]
    [InlineData("audit", "verify", "--bogus")]
    [InlineData]
    public async Task Wrong_usage_exits_2(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
    }

    [Fact]
    public async Task A_server_database_without_a_connection_string_cannot_run()
    {
        var run = await CliRun.RunAsync("audit", "verify", "--database-provider", "Postgres", "--connection-string", "");

        // Unless the environment supplies one, which a developer's shell may do.
        if (Environment.GetEnvironmentVariable("Database__ConnectionString") is { Length: > 0 }) return;
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Database:ConnectionString", run.Stderr, StringComparison.Ordinal);
    }
}
