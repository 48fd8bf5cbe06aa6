using CertGuard.Testing;
using CertGuard.Web.Features.Reminders;
using CertGuard.Web.Tests.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Tests.Architecture;

/// <summary>
/// One acting user: a background job acts under its own name, so the audit log says which part of the platform
/// changed a certificate (not a bare "system"); officers act as their account.
/// </summary>
public abstract class ActorTests(CertGuardApp app)
{
    [Fact]
    public async Task The_overdue_review_job_is_named_in_the_audit_log()
    {
        var overdue = await app.IssueDueAsync("440100", -3);
        var job = new OverdueReviewJob(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock(),
            Options.Create(new OverdueReviewOptions()), NullLogger<OverdueReviewJob>.Instance);

        Assert.NotNull(await job.RunOnceAsync(CancellationToken.None));

        await using var db = app.SystemDb();
        var actors = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == overdue.Id.ToString() && a.Action == "update")
            .Select(a => a.Actor).ToListAsync();
        Assert.Contains("job:reviews.mark-overdue", actors);
        Assert.DoesNotContain("system", actors);
    }
}

public sealed class SqliteActorTests(SqliteApp app) : ActorTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresActorTests(PostgresApp app) : ActorTests(app), IClassFixture<PostgresApp>;
