using CertGuard.Core.Verification;
using CertGuard.Data.Database;
using CertGuard.Testing;
using CertGuard.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Verification;

/// <summary>The log keeps every check, cannot be edited, and forgets checks only past the retention period.</summary>
public abstract class VerificationLogTests(CertGuardApp app)
{
    [Fact]
    public async Task Checks_recorded_together_are_all_stored_with_what_they_said()
    {
        var certificate = await app.FreshCertificateAsync();
        var records = Enumerable.Range(0, 2500)
            .Select(i => app.Check(VerificationChannel.PublicQuery, VerificationOutcome.Valid, certificate.Number, certificate, origin: $"203.0.{i % 200}.0/24"))
            .ToArray();
        await app.RecordAsync(records);

        await using var db = app.SystemDb();
        var stored = await db.VerificationLog.AsNoTracking().Where(r => r.CertificateId == certificate.Id).ToListAsync();
        Assert.Equal(records.Select(r => r.Id).Order(), stored.Select(r => r.Id).Order());
        Assert.All(stored, r => Assert.Equal((VerificationChannel.PublicQuery, VerificationOutcome.Valid, certificate.RegionCode), (r.Channel, r.Outcome, r.RegionCode)));
    }

    [Fact]
    public async Task Retention_purges_old_checks_and_keeps_recent_ones_whatever_the_setting()
    {
        var certificate = await app.FreshCertificateAsync();
        var old = app.Check(VerificationChannel.QrCheck, VerificationOutcome.Valid, certificate.Number, certificate, ago: TimeSpan.FromDays(800));
        var month = app.Check(VerificationChannel.QrCheck, VerificationOutcome.Valid, certificate.Number, certificate, ago: TimeSpan.FromDays(20));
        await app.RecordAsync(old, month);

        var purged = await app.Services.GetRequiredService<VerificationRetention>().PurgeOnceAsync(CancellationToken.None);

        Assert.True(purged >= 1);
        await using var db = app.SystemDb();
        var left = await db.VerificationLog.Where(r => r.CertificateId == certificate.Id).Select(r => r.Id).ToListAsync();
        Assert.Equal([month.Id], left);
    }

    [Fact]
    public async Task The_database_refuses_to_edit_a_stored_check()
    {
        var certificate = await app.FreshCertificateAsync();
        var record = app.Check(VerificationChannel.PublicQuery, VerificationOutcome.NotFound, certificate.Number);
        await app.RecordAsync(record);

        await using var db = app.SystemDb();
        var edit = () => db.VerificationLog.Where(r => r.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Outcome, VerificationOutcome.Valid));
        var refused = await Assert.ThrowsAnyAsync<Exception>(edit);
        Assert.Contains("append-only", refused.ToString());
        if (app.Provider == DatabaseProvider.Postgres)
        {
            // PostgreSQL also refuses to delete a check younger than the shortest retention, even by hand.
            var delete = () => db.VerificationLog.Where(r => r.Id == record.Id).ExecuteDeleteAsync();
            Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<Exception>(delete)).ToString());
        }
        Assert.Equal(VerificationOutcome.NotFound, (await db.VerificationLog.AsNoTracking().SingleAsync(r => r.Id == record.Id)).Outcome);
    }
}

public sealed class SqliteVerificationLogTests(SqliteApp app) : VerificationLogTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresVerificationLogTests(PostgresApp app) : VerificationLogTests(app), IClassFixture<PostgresApp>;
