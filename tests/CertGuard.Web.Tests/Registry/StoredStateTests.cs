using CertGuard.Core.Certificates;
using CertGuard.Data;
using CertGuard.Data.Registry;
using CertGuard.Testing;
using CertGuard.Web.Features.Registry;
using CertGuard.Web.Features.Reminders;
using CertGuard.Web.Tests.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Tests.Registry;

/// <summary>
/// The registry search reads a state from the stored state's index (<see cref="CertificateStateIndex"/>): it must find
/// exactly the certificates in that state on the day asked, whether or not the daily job has worked the stored states
/// out since (days pass, rows from before the column), and every save must store the state it leaves.
/// </summary>
public abstract class StoredStateTests(CertGuardApp app)
{
    [Fact]
    public async Task Every_saved_certificate_stores_its_state_today_and_the_day_it_changes()
    {
        var today = app.Today();
        var rules = app.Rules();
        await using var db = app.SystemDb();
        var all = await db.Certificates.AsNoTracking().ToListAsync();

        Assert.NotEmpty(all);
        Assert.All(all, c =>
        {
            Assert.Equal(c.StateOn(today, rules), c.IndexedState);
            Assert.Equal(CertificateStates.ChangesOn(c.Status, c.ValidTo, c.NextReviewDue, today, rules), c.IndexedStateUntil);
        });
        // The demo holds every state, so each part of the rule was stored at least once.
        Assert.Equal(Enum.GetValues<CertificateState>().Length, all.Select(c => c.IndexedState).Distinct().Count());
    }

    [Fact]
    public async Task A_state_search_on_a_later_day_finds_that_days_states_before_and_after_the_daily_job()
    {
        var today = app.Today();
        var rules = app.Rules();
        await using var db = app.SystemDb();
        var all = await db.Certificates.AsNoTracking().ToListAsync();
        try
        {
            foreach (var day in new[] { today.AddDays(1), today.AddDays(45), today.AddDays(400), today.AddYears(3), today.AddYears(7) })
            {
                // Those whose stored state lapsed by then are read by their dates; the others from the state's index.
                await AssertSearchAgreesAsync(db, all, day, rules);
            }
            var later = today.AddYears(3);
            Assert.True(all.Count(c => c.IndexedStateUntil <= later) > 10, "few stored states lapse in three years: the test would not test the lapsed part");

            // Small batches: the run goes on until a batch comes back short.
            var refreshed = await StoredStates.RefreshAllAsync(db, later, rules, batchSize: 7);

            Assert.Equal(all.Count(c => c.IndexedStateUntil <= later), refreshed);
            Assert.Equal(0, await db.Certificates.CountAsync(CertificateStateIndex.Lapsed(later)));
            await AssertSearchAgreesAsync(db, all, later, rules);
        }
        finally
        {
            // Back to today for the other tests of the class (stored states of a later day would not hold today).
            await StoredStates.RefreshAllAsync(db, today, rules);
        }
        Assert.Equal(0, await db.Certificates.CountAsync(CertificateStateIndex.Lapsed(today)));
    }

    [Fact]
    public async Task Rows_never_worked_out_are_found_by_their_dates_and_worked_out_when_the_job_starts()
    {
        var today = app.Today();
        var rules = app.Rules();
        await using var db = app.SystemDb();
        // As the migration leaves the rows it adds the columns to; a wrong state on top, which must never show.
        var forgotten = await db.Certificates.OrderBy(c => c.Number).Where((c) => c.Status != CertificateStatus.Revoked).Take(40)
            .Select(c => c.Id).ToListAsync();
        await db.Certificates.Where(c => forgotten.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IndexedState, CertificateState.Revoked).SetProperty(c => c.IndexedStateUntil, DateOnly.MinValue));
        var all = await db.Certificates.AsNoTracking().ToListAsync();

        await AssertSearchAgreesAsync(db, all, today, rules);

        var job = new OverdueReviewJob(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock(),
            Options.Create(new OverdueReviewOptions()), new ListLogger<OverdueReviewJob>());
        Assert.Equal(forgotten.Count, await job.RefreshLapsedStatesAsync(CancellationToken.None));

        var after = await db.Certificates.AsNoTracking().Where(c => forgotten.Contains(c.Id)).ToListAsync();
        Assert.All(after, c => Assert.Equal((c.StateOn(today, rules), true), (c.IndexedState, c.IndexedStateUntil > today)));
        await AssertSearchAgreesAsync(db, all, today, rules);
    }

    [Fact]
    public async Task A_change_stores_the_new_state_without_an_audit_line_of_its_own()
    {
        var today = app.Today();
        var rules = app.Rules();
        Guid id;
        await using (var db = app.SystemDb())
        {
            var certificate = await db.Certificates.OrderBy(c => c.Number).FirstAsync(c => c.Status == CertificateStatus.Active && c.ValidTo >= today);
            id = certificate.Id;
            certificate.Revoke(RevocationReason.PhysicallyUnfit, today, "officer", rules, app.Clock());
            await db.SaveChangesAsync();
        }
        await using (var db = app.SystemDb())
        {
            var stored = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal((CertificateState.Revoked, DateOnly.MaxValue), (stored.IndexedState, stored.IndexedStateUntil));
            var entry = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Certificate) && e.EntityId == id.ToString())
                .OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.Contains("\"Status\":\"Revoked\"", entry.After);
            Assert.DoesNotContain(nameof(Certificate.IndexedState), entry.After);
            Assert.DoesNotContain(nameof(Certificate.IndexedState), entry.Before);

            var page = await new RegistryQuery(stored.Number, null, null, CertificateState.Revoked).RunAsync(db, today, rules, CancellationToken.None);
            Assert.Contains(page.Items, c => c.Id == id);
        }
    }

    /// <summary>Every page of every state, by the search's own query and cursors, against the rule applied in memory.</summary>
    private static async Task AssertSearchAgreesAsync(CertGuardDbContext db, List<Certificate> all, DateOnly day, CertificateRules rules)
    {
        var seen = 0;
        foreach (var state in Enum.GetValues<CertificateState>())
        {
            var found = new List<Certificate>();
            var page = await new RegistryQuery(null, null, null, state, PageSize: 50).RunAsync(db, day, rules, CancellationToken.None);
            found.AddRange(page.Items);
            while (page.Next is { } next)
            {
                page = await new RegistryQuery(null, null, null, state, After: next, PageSize: 50).RunAsync(db, day, rules, CancellationToken.None);
                found.AddRange(page.Items);
            }
            var expected = all.Where(c => c.StateOn(day, rules) == state).ToList();
            Assert.True(expected.Select(c => c.Id).Order().SequenceEqual(found.Select(c => c.Id).Order()),
                $"{state} on {day}: expected {expected.Count}, found {found.Count}");
            Assert.Equal(Math.Min(expected.Count, RegistryQuery.CountLimit), page.Total);
            // Newest issue first across the two parts, as without a state.
            Assert.Equal(found.OrderByDescending(c => c.ValidFrom).ThenByDescending(c => c.Id.ToString("N"), StringComparer.Ordinal).Select(c => c.Id), found.Select(c => c.Id));
            seen += found.Count;
        }
        Assert.Equal(all.Count, seen);
    }
}

public sealed class SqliteStoredStateTests(SqliteApp app) : StoredStateTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStoredStateTests(PostgresApp app) : StoredStateTests(app), IClassFixture<PostgresApp>;
