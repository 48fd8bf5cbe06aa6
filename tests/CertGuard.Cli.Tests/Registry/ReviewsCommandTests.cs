using System.Globalization;
using CertGuard.Cli.Tests.Support;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Cli.Tests.Registry;

public sealed class SqliteReviewsCommandTests() : ReviewsCommandTests(DatabaseProvider.Sqlite);

public sealed class PostgresReviewsCommandTests() : ReviewsCommandTests(DatabaseProvider.Postgres);

/// <summary><c>certguard reviews mark-overdue</c>: the daily job's sweep from the command line, with its exit codes.</summary>
public abstract class ReviewsCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _services = DataServicesFor.Build(_database);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Mark_overdue_makes_the_overdue_certificates_invalid_reports_the_count_and_exits_0()
    {
        var seed = await RunAsync("seed", "--certificates", "60", "--seed", "7");
        Assert.True(seed.ExitCode == 0, seed.ToString());
        var (overdue, dueSoon) = await ArrangeAsync();
        int expected;
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            var today = ChinaTime.Today(TimeProvider.System);
            expected = await db.Certificates.CountAsync(c => c.Status == CertificateStatus.Active && c.ValidTo >= today && c.NextReviewDue < today);
        }

        var dry = await RunAsync("reviews", "mark-overdue", "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains($"有 {expected} 本证书逾期未复审", dry.Stdout);
        Assert.Equal(CertificateStatus.Active, await StatusOfAsync(overdue));

        var run = await RunAsync("reviews", "mark-overdue", "--batch-size", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"已将 {expected} 本逾期未复审的证书标记为失效", run.Stdout);
        Assert.Equal(CertificateStatus.Invalid, await StatusOfAsync(overdue));
        Assert.Equal(CertificateStatus.Active, await StatusOfAsync(dueSoon));
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            var marked = await db.CertificateEvents.SingleAsync(e => e.CertificateId == overdue && e.Kind == CertificateEventKind.MarkedInvalid);
            Assert.Equal("system", marked.Actor);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "mark-overdue" && a.Actor.StartsWith("cli:")));
        }

        var again = await RunAsync("reviews", "mark-overdue");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("已将 0 本", again.Stdout);
    }

    [Fact]
    public async Task Refresh_states_works_out_the_stored_states_that_lapsed_or_were_never_worked_out()
    {
        var seed = await RunAsync("seed", "--certificates", "60", "--seed", "7");
        Assert.True(seed.ExitCode == 0, seed.ToString());
        var today = ChinaTime.Today(TimeProvider.System);
        List<Guid> forgotten;
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            // As an upgrade leaves the rows that existed before the columns.
            forgotten = await db.Certificates.OrderBy(c => c.Number).Take(25).Select(c => c.Id).ToListAsync();
            await db.Certificates.Where(c => forgotten.Contains(c.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.IndexedState, CertificateState.Cancelled).SetProperty(c => c.IndexedStateUntil, DateOnly.MinValue));
        }

        var run = await RunAsync("reviews", "refresh-states");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"重新计算了 {forgotten.Count} 本证书的检索状态", run.Stdout);
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            var rules = scope.ServiceProvider.GetRequiredService<CertificateRules>();
            var all = await db.Certificates.AsNoTracking().ToListAsync();
            Assert.All(all, c => Assert.Equal((c.StateOn(today, rules), true), (c.IndexedState, c.IndexedStateUntil > today)));
        }
        var again = await RunAsync("reviews", "refresh-states");
        Assert.Contains("重新计算了 0 本", again.Stdout);
    }

    [Fact]
    public async Task A_database_never_migrated_or_a_bad_batch_size_exits_2_with_a_Chinese_message()
    {
        var unmigrated = await RunAsync("reviews", "mark-overdue");
        Assert.True(unmigrated.ExitCode == ExitCodes.CannotRun, unmigrated.ToString());
        Assert.Contains("migrate", unmigrated.Stderr);

        var bad = await RunAsync("reviews", "mark-overdue", "--batch-size", "0");
        Assert.True(bad.ExitCode == ExitCodes.CannotRun, bad.ToString());
        Assert.Contains("--batch-size", bad.Stderr);

        var help = await CliRun.RunAsync("reviews", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("mark-overdue", help.Stdout);
        Assert.Contains("refresh-states", help.Stdout);
    }

    /// <summary>A Guangzhou certificate three days past its review, and one due in ten days.</summary>
    private async Task<(Guid Overdue, Guid DueSoon)> ArrangeAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        var clock = TimeProvider.System;
        var today = ChinaTime.Today(clock);
        var authority = await db.Organisations.Where(o => o.Kind == Role.IssuingAuthority.Id && o.RegionCode == "440100").Select(o => o.Id).FirstAsync();
        Certificate Issue(int dueInDays, int sequence)
        {
            var first17 = "440106" + new DateOnly(1966, 6, 6).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
            var holder = ResidentIdNumber.Parse(first17 + ResidentIdNumber.ComputeCheckCharacter(first17), today);
            var request = new IssueRequest(holder, "复审测试", "1.1", today.AddDays(dueInDays).AddYears(-3), "440100", authority, null, "test");
            return Certificate.Issue(request, CertificateRules.Order30, clock);
        }
        var overdue = Issue(-3, 981);
        var dueSoon = Issue(10, 982);
        db.Certificates.AddRange(overdue, dueSoon);
        await db.SaveChangesAsync();
        return (overdue.Id, dueSoon.Id);
    }

    private async Task<CertificateStatus> StatusOfAsync(Guid id)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        return await db.Certificates.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).SingleAsync();
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync([.. args, "--database-provider", provider.ToString(), "--connection-string", _database.ConnectionString]);
}
