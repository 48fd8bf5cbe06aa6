using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Data.Registry;
using CertGuard.Data.Reviews;
using CertGuard.Testing;
using CertGuard.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Tests.Reminders;

/// <summary>
/// The daily job moves certificates whose review is overdue to their invalid state: exactly those, as the platform,
/// with a history event, an audit entry and the status-list bit; at start, and again each day after 00:05 China time.
/// </summary>
public abstract class OverdueReviewJobTests(CertGuardApp app)
{
    private const string Guangzhou = "440100";

    [Fact]
    public async Task Sweep_marks_exactly_the_overdue_certificates_invalid_with_history_audit_and_status_bit()
    {
        var today = app.Today();
        var overdue = await app.IssueDueAsync(Guangzhou, -3);
        var dueToday = await app.IssueDueAsync(Guangzhou, 0);
        var expired = await app.IssueOnAsync(Guangzhou, today.AddYears(-6).AddDays(-10));
        var foreign = await ReceiveForeignOverdueAsync();
        List<Certificate> before;
        long lastSequence;
        await using (var db = app.SystemDb())
        {
            before = await db.Certificates.AsNoTracking().ToListAsync();
            lastSequence = await db.LastChangeSequenceAsync();
        }
        var expected = before.Where(c => c.Status == CertificateStatus.Active && c.ExchangeVersion == null && c.ValidTo >= today && c.NextReviewDue < today)
            .Select(c => c.Id).ToHashSet();
        Assert.Contains(overdue.Id, expected);
        Assert.DoesNotContain(dueToday.Id, expected);
        Assert.DoesNotContain(expired.Id, expected);
        Assert.DoesNotContain(foreign.Id, expected);

        OverdueRun run;
        await using (var db = app.SystemDb())
            run = await new OverdueReviews(db, app.Clock()).RunAsync(today, batchSize: 3);

        Assert.Equal(expected.Count, run.Marked);
        Assert.True(run.Batches >= (expected.Count + 2) / 3);
        await using (var db = app.SystemDb())
        {
            var after = await db.Certificates.AsNoTracking().ToDictionaryAsync(c => c.Id);
            foreach (var c in before)
            {
                var now = after[c.Id];
                if (expected.Contains(c.Id))
                {
                    Assert.Equal((CertificateStatus.Invalid, "ReviewOverdue", c.NextReviewDue.AddDays(1), c.Version + 1), (now.Status, now.StatusReason, now.StatusChangedOn, now.Version));
                    Assert.Equal(CertificateState.ReviewOverdue, now.StateOn(today));
                }
                else
                {
                    Assert.Equal((c.Status, c.Version), (now.Status, now.Version));
                }
            }
            var events = await db.CertificateEvents.AsNoTracking().Where(e => expected.Contains(e.CertificateId) && e.Kind == CertificateEventKind.MarkedInvalid)
                .Select(e => new { e.CertificateId, e.Actor, Sequence = EF.Property<long>(e, ChangeSequence.Property) }).ToListAsync();
            Assert.Equal(expected.Order(), events.Select(e => e.CertificateId).Order());
            Assert.All(events, e => Assert.Equal("system", e.Actor));
            Assert.Equal(Enumerable.Range(1, events.Count).Select(i => lastSequence + i), events.Select(e => e.Sequence).Order());
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == overdue.Id.ToString() && a.Action == "update" && a.Actor == "system"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "mark-overdue" && a.After!.Contains($"\"marked\":{expected.Count}")));
            var marked = after[overdue.Id];
            var list = await db.StatusLists.AsNoTracking().SingleAsync(l => l.Id == marked.StatusListId);
            Assert.True(StatusList.FromBytes(list.Bits)[marked.StatusIndex!.Value]);
        }

        await using (var db = app.SystemDb())
            Assert.Equal(0, (await new OverdueReviews(db, app.Clock()).RunAsync(today)).Marked);
    }

    [Fact]
    public async Task Job_runs_at_start_and_again_after_five_past_midnight_China_time()
    {
        var today = app.Today();
        var overdue = await app.IssueDueAsync(Guangzhou, -1);
        var dueToday = await app.IssueDueAsync(Guangzhou, 0);
        var clock = new ManualClock(new DateTimeOffset(today.ToDateTime(new TimeOnly(23, 50)), ChinaTime.Offset));
        var log = new ListLogger<OverdueReviewJob>();
        var job = new OverdueReviewJob(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Options.Create(new OverdueReviewOptions()), log);

        await job.StartAsync(CancellationToken.None);
        try
        {
            await clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(1, job.CompletedRuns);
            Assert.True(job.LastRun is not null, log.ToString());
            Assert.Equal(today, job.LastRun.Today);
            Assert.Equal(CertificateStatus.Invalid, await StatusOfAsync(overdue.Id));
            Assert.Equal(CertificateStatus.Active, await StatusOfAsync(dueToday.Id));
            var next = new DateTimeOffset(today.AddDays(1).ToDateTime(new TimeOnly(0, 5)), ChinaTime.Offset);
            Assert.Equal(new[] { next }, clock.Pending);

            clock.MoveTo(next.AddMinutes(-1));
            Assert.Equal(1, job.CompletedRuns);

            clock.MoveTo(next);
            await WaitUntilAsync(() => job.CompletedRuns == 2);
            Assert.True(job.LastRun?.Today == today.AddDays(1), log.ToString());
            Assert.Equal(CertificateStatus.Invalid, await StatusOfAsync(dueToday.Id));
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("2026-03-10T00:04:00+08:00", "2026-03-10T00:05:00+08:00")]
    [InlineData("2026-03-10T00:05:00+08:00", "2026-03-11T00:05:00+08:00")]
    [InlineData("2026-03-10T23:59:00+08:00", "2026-03-11T00:05:00+08:00")]
    [InlineData("2026-03-09T16:04:00+00:00", "2026-03-10T00:05:00+08:00")]
    [InlineData("2026-03-09T16:06:00+00:00", "2026-03-11T00:05:00+08:00")]
    [InlineData("2026-12-31T20:00:00+08:00", "2027-01-01T00:05:00+08:00")]
    public void Next_run_is_the_coming_five_past_midnight_in_China(string now, string next) =>
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture),
            OverdueReviewJob.NextRunAfter(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(0, 5)));

    private async Task<CertificateStatus> StatusOfAsync(Guid id)
    {
        await using var db = app.SystemDb();
        return await db.Certificates.Where(c => c.Id == id).Select(c => c.Status).SingleAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The job did not run.");
            await Task.Delay(20);
        }
    }

    /// <summary>A certificate of Hunan, received by exchange, whose review date has passed: its own registry decides.</summary>
    private async Task<Certificate> ReceiveForeignOverdueAsync()
    {
        var today = app.Today();
        const string first17 = "43010219800101123";
        var holder = ResidentIdNumber.Parse(first17 + ResidentIdNumber.ComputeCheckCharacter(first17), today);
        var state = new ExchangedCertificate(holder, "湘某", "1.1", today.AddYears(-4), today.AddYears(-4), today.AddYears(2), today.AddYears(-1), false,
            "430100", CertificateStatus.Active, null, null, null, 1);
        await using var db = app.SystemDb();
        var authority = new Core.Organisations.Organisation("长沙市应急管理局", "external-authority", "430100");
        db.Organisations.Add(authority);
        var certificate = Certificate.Receive(state, authority.Id, "test", app.Clock());
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();
        return certificate;
    }
}

public sealed class SqliteOverdueReviewJobTests(SqliteApp app) : OverdueReviewJobTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresOverdueReviewJobTests(PostgresApp app) : OverdueReviewJobTests(app), IClassFixture<PostgresApp>;
