using CertGuard.Core.Certificates;
using CertGuard.Core.Time;
using CertGuard.Data.Registry;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Registry;

/// <summary>
/// Every certificate event gets a database-wide sequence number at save, without gaps or repeats, in commit order:
/// what the exchange change feed is read by.
/// </summary>
public abstract class ChangeSequenceTests(CertGuardApp app)
{
    [Fact]
    public async Task Seeded_events_are_numbered_one_to_n_and_a_new_event_takes_the_next_number()
    {
        await using (var db = app.SystemDb())
        {
            var sequences = await db.CertificateEvents.AsNoTracking().Select(e => EF.Property<long>(e, ChangeSequence.Property)).ToListAsync();
            Assert.NotEmpty(sequences);
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences.Order());
        }

        long last;
        Guid id;
        await using (var db = app.SystemDb())
        {
            last = await db.LastChangeSequenceAsync();
            var certificate = await db.Certificates.Include(c => c.History).Where(c => c.Status == CertificateStatus.Active).OrderBy(c => c.Number).FirstAsync();
            id = certificate.Id;
            certificate.Revoke(RevocationReason.PhysicallyUnfit, ChinaTime.Today(TimeProvider.System), "test", CertificateRules.Order30, TimeProvider.System);
            await db.SaveChangesAsync();
        }

        await using (var db = app.SystemDb())
        {
            var revoked = await db.CertificateEvents.AsNoTracking().Where(e => e.CertificateId == id && e.Kind == CertificateEventKind.Revoked)
                .Select(e => EF.Property<long>(e, ChangeSequence.Property)).SingleAsync();
            Assert.Equal(last + 1, revoked);
            Assert.Equal(last + 1, await db.LastChangeSequenceAsync());
        }
    }
}

public sealed class SqliteChangeSequenceTests(SqliteApp app) : ChangeSequenceTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresChangeSequenceTests(PostgresApp app) : ChangeSequenceTests(app), IClassFixture<PostgresApp>;
