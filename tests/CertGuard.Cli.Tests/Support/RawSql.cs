using System.Data.Common;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CertGuard.Cli.Tests.Support;

/// <summary>Plain SQL on the test database, past the application: what someone with database access could do.</summary>
public static class RawSql
{
    public static async Task<int> ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(TestDatabase database, string sql)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbConnection Open(TestDatabase database) => database.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(database.ConnectionString);
}
