using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CertGuard.Web.Tests.Errors;

/// <summary>
/// The platform with short database waits (a held lock fails a write within a second instead of 30) and a fault a
/// test can ask for with a request header: <c>X-Test-Fault: unexpected</c> makes every database command of that
/// request throw, <c>X-Test-Fault: concurrency</c> makes its save fail as a concurrent change.
/// </summary>
public abstract class FaultyApp : CertGuardApp
{
    public const string Header = "X-Test-Fault";

    protected override int DemoCertificates => 60;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:ConnectionString", ShortWaits(Database.ConnectionString));
        builder.ConfigureServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<TestFaults>();
            if (Provider == DatabaseProvider.Postgres)
                services.ConfigureDbContext<PostgresCertGuardDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<TestFaults>()));
            else
                services.ConfigureDbContext<SqliteCertGuardDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<TestFaults>()));
        });
    }

    private string ShortWaits(string connection) => Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(connection) { Options = "-c lock_timeout=1000" }.ConnectionString
        : new SqliteConnectionStringBuilder(connection) { DefaultTimeout = 1 }.ConnectionString;
}

public sealed class FaultySqliteApp : FaultyApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class FaultyPostgresApp : FaultyApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>
/// Faults injected into the database calls of the request that asks for them, and only that request ("unexpected-page":
/// only the page's first query after the session's check, not those of the error page it is re-executed to).
/// </summary>
public sealed class TestFaults(IHttpContextAccessor http) : DbCommandInterceptor, ISaveChangesInterceptor
{
    private string? Asked => http.HttpContext?.Request.Headers[FaultyApp.Header].ToString() is { Length: > 0 } fault ? fault : null;

    public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default) =>
        Asked == "unexpected" || (Asked == "unexpected-page" && FirstTime())
            ? throw new InvalidOperationException("A fault the test asked for.") : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

    // The page's own first query, after the session's check (a fault there would be the authentication's, which the
    // error page re-executed for it meets again), and once: the error page itself reads on.
    private bool FirstTime()
    {
        if (http.HttpContext is not { } context) return false;
        var count = context.Items.TryGetValue("test-fault-count", out var seen) ? (int)seen! + 1 : 1;
        context.Items["test-fault-count"] = count;
        return count == 2;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        Asked == "concurrency" ? throw new DbUpdateConcurrencyException("A concurrent change the test asked for.") : ValueTask.FromResult(result);
}
