using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CertGuard.Data.Database;

/// <summary>
/// The read-only context: a <see cref="CertGuardDbContext"/> on <see cref="DatabaseOptions.EffectiveReadConnectionString"/>
/// (the streaming replica when one is configured, else the primary), for reads that may lag behind the latest write.
/// Inject it as <c>[FromKeyedServices(ReadOnlyDb.Key)] CertGuardDbContext db</c>, or a service built on it with
/// <see cref="AddReadOnly{T}"/>. It never tracks and refuses SaveChanges; on PostgreSQL its sessions are read-only too,
/// so a write routed here fails with or without a replica. The rule (docs/architecture.md): only a request that writes
/// nothing and does not have to see its own or anyone's latest write may use it.
/// </summary>
public static class ReadOnlyDb
{
    /// <summary>The DI key of the read-only context (and of services built on it).</summary>
    public const string Key = "read";

    /// <summary>Registers <typeparamref name="T"/> under <see cref="Key"/>, built with the read-only context instead of the primary one.</summary>
    public static IServiceCollection AddReadOnly<T>(this IServiceCollection services) where T : class =>
        services.AddKeyedScoped<T>(Key, (sp, _) => ActivatorUtilities.CreateInstance<T>(sp, sp.GetRequiredKeyedService<CertGuardDbContext>(Key)));

    internal static void Register(IServiceCollection services, DatabaseOptions options, Func<string, string> prepareSqlite)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var built = new DbContextOptionsBuilder<PostgresCertGuardDbContext>().UseNpgsql(ReadOnlySessions(options.EffectiveReadConnectionString));
            var contextOptions = Configure(built).Options;
            services.AddKeyedScoped<CertGuardDbContext>(Key, (sp, _) => new PostgresCertGuardDbContext(contextOptions,
                sp.GetRequiredService<IActor>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Audit.AuditSeal>()));
        }
        else
        {
            // SQLite has no replica (a read string is refused at start): the same file, read-only by the interceptor.
            var built = new DbContextOptionsBuilder<SqliteCertGuardDbContext>().UseSqlite(prepareSqlite(options.EffectiveConnectionString));
            var contextOptions = Configure(built).Options;
            services.AddKeyedScoped<CertGuardDbContext>(Key, (sp, _) => new SqliteCertGuardDbContext(contextOptions,
                sp.GetRequiredService<IActor>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Audit.AuditSeal>()));
        }
    }

    private static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder) where T : DbContext =>
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(RefuseWrites.Instance);

    /// <summary>
    /// Every transaction of the read connection is read-only (a replica is anyway; without one this keeps a write that
    /// strayed here from reaching the primary, raw SQL and ExecuteUpdate included).
    /// </summary>
    internal static string ReadOnlySessions(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        const string readOnly = "-c default_transaction_read_only=on";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? readOnly : builder.Options + " " + readOnly;
        return builder.ConnectionString;
    }

    /// <summary>SaveChanges on the read-only context is a programming error: the write belongs on the primary context.</summary>
    private sealed class RefuseWrites : SaveChangesInterceptor
    {
        public static readonly RefuseWrites Instance = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw Refused();

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw Refused();

        private static InvalidOperationException Refused() =>
            new("The read-only context (ReadOnlyDb, the replica) refuses SaveChanges: write through the primary CertGuardDbContext.");
    }
}
