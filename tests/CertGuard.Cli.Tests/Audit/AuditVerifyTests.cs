using System.Data.Common;
using System.Text.Json;
using CertGuard.Cli.Tests.Support;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Audit;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Cli.Tests.Audit;

public sealed class SqliteAuditVerifyTests() : AuditVerifyTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditVerifyTests() : AuditVerifyTests(DatabaseProvider.Postgres);

/// <summary>
/// <c>certguard migrate</c>, <c>seed</c> and <c>audit verify</c> against a real database of each provider,
/// including an attacker who edits or deletes audit rows directly in SQL.
/// </summary>
public abstract class AuditVerifyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Verify_reports_an_intact_chain_after_migrate_and_seed()
    {
        Assert.Equal(0, (await RunAsync("migrate")).ExitCode);
        var seed = await RunAsync("seed", "--certificates", "200", "--seed", "7");
        Assert.True(seed.ExitCode == 0, seed.ToString());
        Assert.Contains("写入 200 条证书", seed.Stdout, StringComparison.Ordinal);
        Assert.Contains("条/秒", seed.Stdout, StringComparison.Ordinal);
        Assert.Equal(200, await RawSql.ScalarAsync<long>(_database, """SELECT COUNT(*) FROM "Certificates" """));

        var verify = await RunAsync("audit", "verify");

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("审计日志完整", verify.Stdout, StringComparison.Ordinal);
        Assert.Equal("", verify.Stderr);
        // The CLI writes to the log under its own name.
        Assert.Equal("cli:" + Environment.UserName, await RawSql.ScalarAsync<string>(_database, """SELECT "Actor" FROM "AuditEntries" WHERE "Sequence" = 1"""));
    }

    [Fact]
    public async Task Verify_with_json_reports_the_counts()
    {
        await SeedTwiceAsync();
        var entries = await RawSql.ScalarAsync<long>(_database, """SELECT COUNT(*) FROM "AuditEntries" """);

        var verify = await RunAsync("audit", "verify", "--json");

        Assert.True(verify.ExitCode == 0, verify.ToString());
        using var json = JsonDocument.Parse(verify.Stdout);
        Assert.True(json.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(entries, json.RootElement.GetProperty("verifiedCount").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("firstBrokenSequence").ValueKind);
        Assert.Contains($"共 {entries} 条记录", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_rows()
    {
        await SeedTwiceAsync();

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            RawSql.ExecuteAsync(_database, """UPDATE "AuditEntries" SET "After" = '{"count":1}' WHERE "Sequence" = 2"""));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            RawSql.ExecuteAsync(_database, """DELETE FROM "AuditEntries" WHERE "Sequence" = 2"""));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("audit", "verify")).ExitCode);
    }

    [Theory]
    [InlineData("After", """'{"Name":"伪造的机构"}'""")]
    [InlineData("Actor", "'gd.province'")]
    public async Task Verify_names_the_entry_edited_behind_the_triggers_back(string column, string value)
    {
        await SeedTwiceAsync();
        await DropAppendOnlyTriggersAsync();

        Assert.Equal(1, await RawSql.ExecuteAsync(_database, $"""UPDATE "AuditEntries" SET "{column}" = {value} WHERE "Sequence" = 2"""));
        var verify = await RunAsync("audit", "verify");

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains("第 2 条记录的内容与其哈希不符", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("第一处断开的序号：2", verify.Stdout, StringComparison.Ordinal);
        var json = await RunAsync("audit", "verify", "--json");
        Assert.Equal(1, json.ExitCode);
        using var result = JsonDocument.Parse(json.Stdout);
        Assert.False(result.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(2, result.RootElement.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(1, result.RootElement.GetProperty("verifiedCount").GetInt64());
    }

    [Fact]
    public async Task Verify_names_the_next_entry_when_the_edited_one_was_rehashed_with_the_key()
    {
        await SeedTwiceAsync();
        await DropAppendOnlyTriggersAsync();
        // Even someone holding the key, who reseals the edited entry, leaves the next entry pointing at the old hash.
        await using (var services = BuildServices())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 2);
            entry.Actor = "gd.province";
            var hash = scope.ServiceProvider.GetRequiredService<AuditSeal>().Hash(entry);
            Assert.Equal(1, await RawSql.ExecuteAsync(_database,
                $"""UPDATE "AuditEntries" SET "Actor" = 'gd.province', "Hash" = '{hash}' WHERE "Sequence" = 2"""));
        }

        var verify = await RunAsync("audit", "verify");

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains("第 3 条记录的前序哈希与上一条不符", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("第一处断开的序号：3", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_rewritten_end_to_end_without_the_key_fails_verification()
    {
        await SeedTwiceAsync();
        await DropAppendOnlyTriggersAsync();
        var checkpoint = Path.Combine(Path.GetTempPath(), $"certguard-checkpoint-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, (await RunAsync("audit", "checkpoint", "-o", checkpoint)).ExitCode);
            // Whoever holds only the database edits entry 2 and recomputes every hash after it, as the old chain allowed.
            await RewriteChainAsync(fromSequence: 1, e => { if (e.Sequence == 2) e.Actor = "gd.province"; });

            var verify = await RunAsync("audit", "verify", "--checkpoint", checkpoint, "--json");

            Assert.True(verify.ExitCode == 1, verify.ToString());
            using var result = JsonDocument.Parse(verify.Stdout);
            Assert.False(result.RootElement.GetProperty("intact").GetBoolean());
            Assert.Equal(1, result.RootElement.GetProperty("firstBrokenSequence").GetInt64());
            Assert.Contains("第 1 条记录的内容与其哈希不符", result.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [Fact]
    public async Task A_tail_cut_after_the_checkpoint_fails_against_the_checkpoint_file()
    {
        await SeedTwiceAsync();
        var checkpoint = Path.Combine(Path.GetTempPath(), $"certguard-checkpoint-{Guid.NewGuid():N}.json");
        try
        {
            var made = await RunAsync("audit", "checkpoint", "-o", checkpoint);
            Assert.True(made.ExitCode == 0, made.ToString());
            var last = await RawSql.ScalarAsync<long>(_database, """SELECT MAX("Sequence") FROM "AuditEntries" """);
            Assert.Equal(0, (await RunAsync("audit", "verify", "--checkpoint", checkpoint)).ExitCode);

            // The tail goes, and so do the checkpoints kept in the database: only the operator's file remembers.
            await DropAppendOnlyTriggersAsync();
            await RawSql.ExecuteAsync(_database, $"""DELETE FROM "AuditEntries" WHERE "Sequence" >= {last - 1}; DELETE FROM "AuditCheckpoints";""");
            Assert.Equal(0, (await RunAsync("audit", "verify")).ExitCode);

            var verify = await RunAsync("audit", "verify", "--checkpoint", checkpoint);

            Assert.True(verify.ExitCode == 1, verify.ToString());
            Assert.Contains($"审计日志在检查点之后被截断：检查点记录到第 {last} 条，日志只到第 {last - 2} 条", verify.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [Fact]
    public async Task A_checkpoint_file_not_signed_with_the_key_cannot_be_checked_against()
    {
        await SeedTwiceAsync();
        var checkpoint = Path.Combine(Path.GetTempPath(), $"certguard-checkpoint-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, (await RunAsync("audit", "checkpoint", "-o", checkpoint)).ExitCode);
            var text = await File.ReadAllTextAsync(checkpoint);
            using var document = JsonDocument.Parse(text);
            var sequence = document.RootElement.GetProperty("sequence").GetInt64();
            await File.WriteAllTextAsync(checkpoint, text.Replace($"\"sequence\": {sequence}", $"\"sequence\": {sequence + 5}", StringComparison.Ordinal));

            var verify = await RunAsync("audit", "verify", "--checkpoint", checkpoint);

            Assert.True(verify.ExitCode == 2, verify.ToString());
            Assert.Contains("签名无效", verify.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [Fact]
    public async Task A_log_from_before_the_key_is_anchored_at_its_next_save_and_its_plain_part_is_then_pinned()
    {
        Assert.Equal(0, (await RunAsync("migrate")).ExitCode);
        await DropAppendOnlyTriggersAsync();
        // Three entries as the platform wrote them before the external key: plain SHA-256, no anchor.
        var previous = AuditChain.GenesisHash;
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            var entry = new AuditEntry
            {
                Sequence = sequence, At = AuditChain.Truncate(DateTimeOffset.UtcNow), Actor = "gd.province", Action = "create",
                EntityType = "Organisation", EntityId = $"legacy-{sequence}", After = "{}", PreviousHash = previous,
            };
            entry.Hash = AuditChain.PlainHash(entry);
            await InsertAsync(entry);
            previous = entry.Hash;
        }
        Assert.Equal(1, (await RunAsync("audit", "verify")).ExitCode);

        var seed = await RunAsync("seed", "--certificates", "20", "--seed", "3");
        Assert.True(seed.ExitCode == 0, seed.ToString());
        Assert.Equal(4, await RawSql.ScalarAsync<long>(_database, $"""SELECT "Sequence" FROM "AuditEntries" WHERE "EntityType" = '{AuditChain.AnchorType}'"""));
        var intact = await RunAsync("audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.ToString());

        // The plain part can still be recomputed without the key, but no longer matches the anchor.
        await RewriteChainAsync(fromSequence: 1, e => { if (e.Sequence == 2) e.Actor = "intruder"; }, throughSequence: 3);
        var verify = await RunAsync("audit", "verify");
        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains("第 4 条记录的前序哈希与上一条不符", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_a_deleted_entry()
    {
        await SeedTwiceAsync();
        await DropAppendOnlyTriggersAsync();

        Assert.Equal(1, await RawSql.ExecuteAsync(_database, """DELETE FROM "AuditEntries" WHERE "Sequence" = 3"""));
        var verify = await RunAsync("audit", "verify", "--json");

        Assert.True(verify.ExitCode == 1, verify.ToString());
        using var result = JsonDocument.Parse(verify.Stdout);
        Assert.Equal(3, result.RootElement.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(2, result.RootElement.GetProperty("verifiedCount").GetInt64());
        Assert.Contains("缺少序号为 3 的审计记录", result.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_before_migrate_cannot_run()
    {
        var verify = await RunAsync("audit", "verify");

        Assert.True(verify.ExitCode == 2, verify.ToString());
        Assert.Equal("", verify.Stdout);
        Assert.Contains("certguard migrate", verify.Stderr, StringComparison.Ordinal);
        // Checking must not create the database on the way.
        if (provider == DatabaseProvider.Sqlite)
            Assert.False(File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_database.ConnectionString).DataSource));
    }

    [Fact]
    public async Task Verify_against_an_unreachable_database_cannot_run()
    {
        var missingFolder = Path.Combine(Path.GetTempPath(), "certguard-missing-" + Guid.NewGuid().ToString("N"));
        var unreachable = provider == DatabaseProvider.Postgres
            ? "Host=127.0.0.1;Port=1;Username=postgres;Database=certguard;Timeout=3"
            : $"Data Source={Path.Combine(missingFolder, "certguard.db")}";
        try
        {
            var verify = await CliRun.RunAsync("audit", "verify", "--database-provider", provider.ToString(), "--connection-string", unreachable);

            Assert.True(verify.ExitCode == 2, verify.ToString());
            Assert.Equal("", verify.Stdout);
            Assert.StartsWith("错误：无法校验审计日志。", verify.Stderr, StringComparison.Ordinal);
            Assert.Contains(provider == DatabaseProvider.Postgres ? "无法连接数据库" : "不存在", verify.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(missingFolder, "certguard.db")));
        }
        finally
        {
            // The data layer creates the folder of an SQLite file when it registers the database.
            if (Directory.Exists(missingFolder)) Directory.Delete(missingFolder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    [InlineData("")]
    public async Task An_unknown_provider_cannot_run(string value)
    {
        var verify = await CliRun.RunAsync("audit", "verify", "--database-provider", value, "--connection-string", _database.ConnectionString);

        Assert.True(verify.ExitCode == 2, verify.ToString());
        Assert.Contains("只能是 Sqlite 或 Postgres", verify.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public async Task Seed_rejects_a_count_that_is_not_positive_and_touches_nothing(string count)
    {
        var seed = await RunAsync("seed", "--certificates", count);

        Assert.True(seed.ExitCode == 2, seed.ToString());
        Assert.Equal("", seed.Stdout);
        Assert.Contains("--certificates", seed.Stderr, StringComparison.Ordinal);
        // Not even migrated.
        Assert.Equal(2, (await RunAsync("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task Migrate_twice_is_harmless()
    {
        var first = await RunAsync("migrate");
        var second = await RunAsync("migrate");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("已应用", first.Stdout, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("无需迁移", second.Stdout, StringComparison.Ordinal);
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync([.. args, "--database-provider", provider.ToString(), "--connection-string", _database.ConnectionString]);

    /// <summary>Two audited loads: organisations (one entry each), then a bulk-load entry per run.</summary>
    private async Task SeedTwiceAsync()
    {
        foreach (var seed in new[] { "1", "2" })
        {
            var run = await RunAsync("seed", "--certificates", "20", "--seed", seed);
            Assert.True(run.ExitCode == 0, run.ToString());
        }
        Assert.True(await RawSql.ScalarAsync<long>(_database, """SELECT COUNT(*) FROM "AuditEntries" """) >= 4);
        Assert.Equal(0, (await RunAsync("audit", "verify")).ExitCode);
    }

    /// <summary>What an attacker with database rights does first.</summary>
    private async Task DropAppendOnlyTriggersAsync() => await RawSql.ExecuteAsync(_database, provider == DatabaseProvider.Postgres
        ? """ALTER TABLE "AuditEntries" DISABLE TRIGGER "AuditEntries_AppendOnly";"""
        : """DROP TRIGGER "AuditEntries_NoUpdate"; DROP TRIGGER "AuditEntries_NoDelete";""");

    /// <summary>Recomputes plain SHA-256 hashes over the stored entries, as someone without the key would.</summary>
    private async Task RewriteChainAsync(long fromSequence, Action<AuditEntry> edit, long? throughSequence = null)
    {
        List<AuditEntry> entries;
        await using (var services = BuildServices())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        }
        var previous = fromSequence == 1 ? AuditChain.GenesisHash : entries.Single(e => e.Sequence == fromSequence - 1).Hash;
        foreach (var entry in entries.Where(e => e.Sequence >= fromSequence && (throughSequence is null || e.Sequence <= throughSequence)))
        {
            edit(entry);
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.PlainHash(entry);
            await RawSql.ExecuteAsync(_database, $"""DELETE FROM "AuditEntries" WHERE "Sequence" = {entry.Sequence}""");
            await InsertAsync(entry);
            previous = entry.Hash;
        }
    }

    private async Task InsertAsync(AuditEntry entry)
    {
        await using var services = BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        // Straight into the table, past SaveChanges (which would seal it anew).
        var at = db.Database.IsNpgsql()
            ? "'" + entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + "+00'"
            : Convert.ToString(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(entry.At), System.Globalization.CultureInfo.InvariantCulture)!;
        await RawSql.ExecuteAsync(_database, $"""
            INSERT INTO "AuditEntries" ("Sequence", "At", "Actor", "Action", "EntityType", "EntityId", "Before", "After", "PreviousHash", "Hash")
            VALUES ({entry.Sequence}, {at}, '{entry.Actor}', '{entry.Action}', '{entry.EntityType}', '{entry.EntityId.Replace("'", "''", StringComparison.Ordinal)}',
                    {Literal(entry.Before)}, {Literal(entry.After)}, '{entry.PreviousHash}', '{entry.Hash}')
            """);
    }

    private static string Literal(string? value) => value is null ? "NULL" : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private ServiceProvider BuildServices()
    {
        return DataServicesFor.Build(_database);
    }
}
