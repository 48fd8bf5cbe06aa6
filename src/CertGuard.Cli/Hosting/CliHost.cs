using System.CommandLine;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertGuard.Cli.Hosting;

/// <summary>
/// The services a command uses: configuration from environment variables (no appsettings files) overridden by the
/// global options, the platform's data layer, and the CLI as the acting account in the audit log.
/// </summary>
internal static class CliHost
{
    /// <summary>The services for one command run, in one scope; dispose it when the command ends.</summary>
    public static CliScope CreateScope(ParseResult parseResult, GlobalOptions options) => new(Build(parseResult, options));

    private static IHost Build(ParseResult parseResult, GlobalOptions options)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = Cli.Name,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddEnvironmentVariables();
        var overrides = new Dictionary<string, string?>();
        if (parseResult.GetValue(options.DatabaseProvider) is { } provider)
            overrides[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = provider.ToString();
        if (parseResult.GetValue(options.ConnectionString) is { Length: > 0 } connection)
            overrides[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}"] = connection;
        builder.Configuration.AddInMemoryCollection(overrides);
        CheckProvider(builder.Configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"]);

        var services = builder.Services;
        services.AddActor(_ => SystemActor.Cli(Environment.UserName));
        services.AddCertGuardData(builder.Configuration);
        services.AddIdentityCore<Account>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CertGuardDbContext>();
        return builder.Build();
    }

    /// <summary>A wrong <c>Database__Provider</c> would otherwise surface as a binder error in English.</summary>
    private static void CheckProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || GlobalOptions.TryParseProvider(value, out _)) return;
        throw new CliException($"数据库类型“{value}”无效（环境变量 Database__Provider）：只能是 Sqlite 或 Postgres。");
    }

    public static string ProviderName(this CertGuardDbContext db) =>
        db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? nameof(DatabaseProvider.Postgres) : nameof(DatabaseProvider.Sqlite);
}

/// <summary>A built host and one service scope of it, released together (asynchronously: the DbContext needs that).</summary>
internal sealed class CliScope(IHost host) : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope = host.Services.CreateAsyncScope();

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        if (host is IAsyncDisposable asyncHost) await asyncHost.DisposeAsync();
        else host.Dispose();
    }
}
