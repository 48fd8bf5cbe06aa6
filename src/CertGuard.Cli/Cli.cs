using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using CertGuard.Cli.Audit;
using CertGuard.Cli.Credentials;
using CertGuard.Cli.Database;
using CertGuard.Cli.Hosting;
using CertGuard.Cli.Registry;
using CertGuard.Cli.Seeding;

namespace CertGuard.Cli;

/// <summary>
/// The command tree of <c>certguard</c>. Output goes only to the writers given, so tests run it in-process.
/// </summary>
public static class Cli
{
    public const string Name = "certguard";

    /// <summary>Parses and runs one command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        // Help and parse errors in the platform's language; flows with this call only.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");

        // No response files: "@FILE" is an argument of its own (certguard verify --qr @FILE).
        var parseResult = BuildRootCommand().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors) await stderr.WriteLineAsync($"错误：{error.Message}");
            await stderr.WriteLineAsync($"运行 {Name} --help 查看用法。");
            return ExitCodes.CannotRun;
        }

        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // The commands report their own failures (exit 2); Ctrl-C comes in through cancellationToken.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await stderr.WriteLineAsync($"错误：{CommandFailure.Describe(ex)}");
            return ExitCodes.CannotRun;
        }
    }

    /// <summary>A new command tree for each run.</summary>
    public static Command BuildRootCommand()
    {
        var global = new GlobalOptions();
        var root = new Command(Name, "特种作业操作证管理平台的运维命令行工具。")
        {
            new HelpOption { Description = "显示帮助和用法信息。" },
            new VersionOption(),
            global.DatabaseProvider,
            global.ConnectionString,
            MigrateCommand.Create(global),
            AuditCommand.Create(global),
            SeedCommand.Create(global),
            SeedCampaignCommand.Create(global),
            KeysCommand.Create(global),
            VerifyCommand.Create(global),
            ReviewsCommand.Create(global),
            ImportCommand.Create(global),
            ImportFilesCommands.Template(),
            ImportFilesCommands.Sample(),
            ExportCommand.Create(global),
            QrSampleCommand.Create(global),
        };
        root.SetAction(parseResult =>
        {
            // A bare `certguard` shows what it can do, but is not a successful run of anything.
            new HelpAction().Invoke(parseResult);
            return ExitCodes.CannotRun;
        });
        return root;
    }
}
