using System.CommandLine;
using CertGuard.Data.Database;

namespace CertGuard.Cli.Hosting;

/// <summary>
/// Options every command accepts; they override the environment variables <c>Database__*</c>. One instance per
/// command tree: a System.CommandLine symbol belongs to the tree it was added to.
/// </summary>
internal sealed class GlobalOptions
{
    public Option<DatabaseProvider?> DatabaseProvider { get; } = new("--database-provider")
    {
        Description = "数据库类型：Sqlite 或 Postgres（覆盖环境变量 Database__Provider；默认 Sqlite）。",
        HelpName = "Sqlite|Postgres",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (TryParseProvider(text, out var provider)) return provider;
            result.AddError($"数据库类型“{text}”无效：只能是 Sqlite 或 Postgres。");
            return null;
        },
    };

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = "数据库连接字符串（覆盖环境变量 Database__ConnectionString；SQLite 默认 Data Source=data/certguard.db）。",
        HelpName = "连接字符串",
        Recursive = true,
    };

    public GlobalOptions() => DatabaseProvider.CompletionSources.Add(Enum.GetNames<DatabaseProvider>());

    /// <summary>Only the names, case-insensitive; no numbers, which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would accept.</summary>
    public static bool TryParseProvider(string? text, out DatabaseProvider provider)
    {
        foreach (var value in Enum.GetValues<DatabaseProvider>())
        {
            if (string.Equals(value.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                provider = value;
                return true;
            }
        }
        provider = default;
        return false;
    }
}
