using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using CertGuard.Core.Accounts;
using CertGuard.Core.Verification;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using CertGuard.Data.Verification;
using CertGuard.Testing;
using CertGuard.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CertGuard.Web.Tests.Verification;

/// <summary>
/// The PostgreSQL log in monthly partitions: months are ready ahead, a stray row still lands, retention drops whole
/// months and keeps the young rows, and every rule that reads the log touches only the months of its window, by index.
/// </summary>
public sealed partial class PostgresLogPartitionTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task This_month_and_the_next_two_have_their_partition_and_a_default_one_catches_the_rest()
    {
        await app.Services.GetRequiredService<VerificationRetention>().PurgeOnceAsync(CancellationToken.None);

        await using var db = app.SystemDb();
        var partitions = await VerificationLogPartitions.ListAsync(db, CancellationToken.None);
        var now = app.Clock().GetUtcNow();
        Assert.Contains(VerificationLogPartitioning.DefaultPartition, partitions);
        for (var ahead = 0; ahead <= VerificationLogPartitions.MonthsAhead; ahead++)
            Assert.Contains(VerificationLogPartitioning.PartitionOf(now.AddMonths(ahead)), partitions);
    }

    [Fact]
    public async Task A_check_outside_every_month_lands_in_the_default_partition_and_one_of_this_month_in_its_own()
    {
        var certificate = await app.FreshCertificateAsync();
        var future = app.Check(VerificationChannel.PublicQuery, VerificationOutcome.Valid, certificate.Number, certificate, ago: -TimeSpan.FromDays(3650));
        var today = app.Check(VerificationChannel.PublicQuery, VerificationOutcome.Valid, certificate.Number, certificate);
        await app.RecordAsync(future, today);

        await using var db = app.SystemDb();
        Assert.Equal(VerificationLogPartitioning.DefaultPartition, await PartitionHoldingAsync(db, future.Id));
        Assert.Equal(VerificationLogPartitioning.PartitionOf(today.At), await PartitionHoldingAsync(db, today.Id));
    }

    [Fact]
    public async Task Retention_drops_months_wholly_past_it_deletes_the_older_rows_of_the_straddling_month_and_keeps_the_young()
    {
        var certificate = await app.FreshCertificateAsync();
        var now = app.Clock().GetUtcNow();
        var cutoff = now.AddDays(-app.Services.GetRequiredService<IOptions<VerificationLogOptions>>().Value.EffectiveRetentionDays);
        var oldMonth = new DateTimeOffset(cutoff.Year, cutoff.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-3);
        await using (var arrange = app.SystemDb())
            await VerificationLogPartitions.EnsureAsync(arrange, oldMonth, cutoff, CancellationToken.None);
        var inOldMonth = Enumerable.Range(0, 3).Select(i =>
            app.Check(VerificationChannel.QrCheck, VerificationOutcome.Valid, certificate.Number, certificate, ago: now - oldMonth.AddDays(2 + i))).ToArray();
        // The straddling month: one row just past the cut-off, one just inside it (its partition must stay).
        var straddlingMonth = new DateTimeOffset(cutoff.Year, cutoff.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var expired = app.Check(VerificationChannel.QrCheck, VerificationOutcome.Valid, certificate.Number, certificate,
            ago: now - Later(straddlingMonth, cutoff.AddHours(-1)));
        var kept = app.Check(VerificationChannel.QrCheck, VerificationOutcome.Valid, certificate.Number, certificate, ago: now - cutoff.AddHours(1));
        var young = app.Check(VerificationChannel.QrCheck, VerificationOutcome.Valid, certificate.Number, certificate, ago: TimeSpan.FromDays(10));
        await app.RecordAsync([.. inOldMonth, expired, kept, young]);
        await using (var check = app.SystemDb())
            Assert.Equal(VerificationLogPartitioning.PartitionOf(oldMonth), await PartitionHoldingAsync(check, inOldMonth[0].Id));

        var purged = await app.Services.GetRequiredService<VerificationRetention>().PurgeOnceAsync(CancellationToken.None);

        Assert.True(purged >= 4, $"purged {purged}");
        await using var db = app.SystemDb();
        var partitions = await VerificationLogPartitions.ListAsync(db, CancellationToken.None);
        Assert.DoesNotContain(VerificationLogPartitioning.PartitionOf(oldMonth), partitions);
        Assert.Contains(VerificationLogPartitioning.PartitionOf(cutoff), partitions);
        var left = await db.VerificationLog.Where(r => r.CertificateId == certificate.Id).Select(r => r.Id).ToListAsync();
        Assert.Equal(new[] { kept.Id, young.Id }.Order(), left.Order());
    }

    [Fact]
    public async Task The_database_refuses_to_drop_a_month_younger_than_the_shortest_retention()
    {
        await using var db = app.SystemDb();
        var drop = () => VerificationLogPartitions.DropBeforeAsync(db, app.Clock().GetUtcNow().AddDays(-10), CancellationToken.None);

        Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<Exception>(drop)).ToString());
        Assert.Contains(VerificationLogPartitioning.PartitionOf(app.Clock().GetUtcNow()), await VerificationLogPartitions.ListAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task Every_rule_reading_the_log_and_the_name_check_limits_touch_only_the_months_of_their_window_through_an_index()
    {
        var now = app.Clock().GetUtcNow();
        var certificate = await app.FreshCertificateAsync();
        var employer = await app.OrganisationAsync(Role.Employer.Id);
        await using (var arrange = app.SystemDb())
            await VerificationLogPartitions.EnsureAsync(arrange, now.AddMonths(-14), now, CancellationToken.None);
        var capture = new CommandCapture();
        await using var db = Db(capture);
        var batch = new[]
        {
            app.Check(VerificationChannel.RosterCheck, VerificationOutcome.NameMismatch, certificate.Number, certificate, organisation: employer),
            app.Check(VerificationChannel.PublicQuery, VerificationOutcome.NotFound, LogArrangement.UnknownNumber(771), origin: "198.51.100.0/24"),
        };

        await new SignalDetector(db, app.Clock(), app.Services.GetRequiredService<IOptions<SignalOptions>>()).ExamineAsync(batch, CancellationToken.None);
        await new NameCheckLimits(db, app.Services.GetRequiredService<VerificationLog>(), app.Clock(),
            app.Services.GetRequiredService<IOptions<NameCheckLimitOptions>>()).BudgetAsync(employer, CancellationToken.None);

        // Name mismatches, shared certificates, not-found bursts, organisation misses, and the limits' own read.
        Assert.True(capture.Commands.Count >= 5, string.Join("\n\n", capture.Commands.Select(c => c.Text)));
        await using var connection = new NpgsqlConnection(app.Services.GetRequiredService<DatabaseOptions>().EffectiveConnectionString);
        await connection.OpenAsync();
        // Without sequential scans on offer, a plan that still scans has no index to use.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        foreach (var (text, parameters) in capture.Commands)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN " + text, connection);
            explain.Parameters.AddRange(parameters);
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
                while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
            var shown = string.Join("\n", plan);
            var since = parameters.Select(p => p.Value).OfType<DateTimeOffset>().Min();
            var touched = PartitionName().Matches(shown).Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.NotEmpty(touched);
            Assert.All(touched.Where(p => p != VerificationLogPartitioning.DefaultPartition), partition =>
                Assert.True(string.CompareOrdinal(partition, VerificationLogPartitioning.PartitionOf(since)) >= 0,
                    $"{partition} is older than the window from {since:O}:\n{shown}"));
            Assert.DoesNotContain("Seq Scan", shown);
            Assert.Contains("Index", shown);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static Task<string> PartitionHoldingAsync(CertGuardDbContext db, Guid id) =>
        db.Database.SqlQuery<string>($"SELECT tableoid::regclass::text AS \"Value\" FROM \"VerificationLog\" WHERE \"Id\" = {id}")
            .SingleAsync().ContinueWith(t => t.Result.Trim('"'), TaskScheduler.Default);

    private PostgresCertGuardDbContext Db(CommandCapture capture)
    {
        var options = new DbContextOptionsBuilder<PostgresCertGuardDbContext>()
            .UseNpgsql(app.Services.GetRequiredService<DatabaseOptions>().EffectiveConnectionString).AddInterceptors(capture).Options;
        return new PostgresCertGuardDbContext(options, SystemActor.Platform, app.Clock(), app.Services.GetRequiredService<Data.Audit.AuditSeal>());
    }

    [GeneratedRegex(@" on ""?(VerificationLog_(?:\d{4}_\d{2}|default))""?")]
    private static partial Regex PartitionName();

    /// <summary>Keeps each query the rules send to the log, with its parameters, to be explained afterwards.</summary>
    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<(string Text, NpgsqlParameter[] Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"VerificationLog\"", StringComparison.Ordinal) && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.Ordinal))
                Commands.Add((command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray()));
            return ValueTask.FromResult(result);
        }
    }
}
