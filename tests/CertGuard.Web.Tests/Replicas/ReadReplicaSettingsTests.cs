using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Xunit.Sdk;

namespace CertGuard.Web.Tests.Replicas;

/// <summary>A replica is a PostgreSQL thing: SQLite with a read connection string stops the host at start, naming the key.</summary>
public sealed class ReadReplicaSettingsTests
{
    [Fact]
    public async Task A_read_connection_string_on_sqlite_stops_the_host_naming_the_setting()
    {
        var app = new SqliteWithReadString();
        try
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

            var validation = Find(failure) ?? throw new XunitException("not a validation failure: " + failure);
            Assert.Contains("配置项 Database:ReadConnectionString 无效", validation.Message, StringComparison.Ordinal);
            Assert.Contains("PostgreSQL", validation.Message, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static OptionsValidationException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException found) return found;
            if (e is AggregateException aggregate) return aggregate.InnerExceptions.Select(Find).FirstOrDefault(f => f is not null);
        }
        return null;
    }

    private sealed class SqliteWithReadString : CertGuardApp
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override int DemoCertificates => 20;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:ReadConnectionString", "Host=127.0.0.1;Port=5433;Database=certguard");
        }
    }
}
