using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CertGuard.Web.Tests.Replicas;

/// <summary>
/// Without <c>Database:ReadConnectionString</c> the read-only context reads the primary (so it sees the latest write at
/// once), and it is read-only on either provider: no tracking, SaveChanges refused.
/// </summary>
public abstract class ReadRoutingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CertGuardApp
{
    protected TApp App => app;

    [Fact]
    public async Task Without_a_read_connection_string_the_read_context_reads_the_primary_and_sees_its_latest_write()
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(SystemActor.Job("read-routing-test"));
        var primary = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        var read = scope.ServiceProvider.GetRequiredKeyedService<CertGuardDbContext>(ReadOnlyDb.Key);
        Assert.Null(app.Services.GetRequiredService<DatabaseOptions>().ReadConnectionString);
        Assert.NotSame(primary, read);
        Assert.Equal(Where(primary), Where(read));

        await using (var db = app.SystemDb())
        {
            var certificate = await db.Certificates.IgnoreQueryFilters().OrderBy(c => c.Number).FirstAsync();
            db.Entry(certificate).Property(c => c.StatusReason).CurrentValue = "read-routing " + Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync();
            var written = certificate.StatusReason;
            Assert.Equal(written, await read.Certificates.IgnoreQueryFilters().Where(c => c.Id == certificate.Id).Select(c => c.StatusReason).SingleAsync());
        }
    }

    [Fact]
    public async Task The_read_context_tracks_nothing_and_refuses_SaveChanges()
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(SystemActor.Job("read-routing-test"));
        var read = scope.ServiceProvider.GetRequiredKeyedService<CertGuardDbContext>(ReadOnlyDb.Key);

        var certificate = await read.Certificates.IgnoreQueryFilters().OrderBy(c => c.Number).FirstAsync();
        Assert.Empty(read.ChangeTracker.Entries());
        read.Attach(certificate).Property(c => c.StatusReason).CurrentValue = "must not be saved";
        await Assert.ThrowsAsync<InvalidOperationException>(() => read.SaveChangesAsync());

        await using var db = app.SystemDb();
        Assert.NotEqual("must not be saved", await db.Certificates.IgnoreQueryFilters().Where(c => c.Id == certificate.Id).Select(c => c.StatusReason).SingleAsync());
    }

    /// <summary>Server and database a context connects to (the read one adds read-only session options on PostgreSQL).</summary>
    private static string Where(CertGuardDbContext db)
    {
        var connection = db.Database.GetConnectionString()!;
        if (db.Database.IsSqlite()) return new SqliteConnectionStringBuilder(connection).DataSource;
        var b = new NpgsqlConnectionStringBuilder(connection);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }
}

public sealed class SqliteReadRoutingTests(SqliteApp app) : ReadRoutingTests<SqliteApp>(app);

public sealed class PostgresReadRoutingTests(PostgresApp app) : ReadRoutingTests<PostgresApp>(app)
{
    [Fact]
    public async Task Without_a_replica_a_write_that_strays_onto_the_read_context_is_refused_by_PostgreSQL()
    {
        await using var scope = App.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(SystemActor.Job("read-routing-test"));
        var read = scope.ServiceProvider.GetRequiredKeyedService<CertGuardDbContext>(ReadOnlyDb.Key);
        var primary = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        const string sql = "UPDATE \"Certificates\" SET \"StatusReason\" = \"StatusReason\" WHERE false";

        var refused = await Assert.ThrowsAsync<PostgresException>(() => read.Database.ExecuteSqlRawAsync(sql));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
        Assert.Equal(0, await primary.Database.ExecuteSqlRawAsync(sql));
    }
}
