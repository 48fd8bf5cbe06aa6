using System.Net;
using CertGuard.Core.Employers;
using CertGuard.Core.Verification;
using CertGuard.Data;
using CertGuard.Data.Audit;
using CertGuard.Data.Employers;
using CertGuard.Testing;
using CertGuard.Web.Tests.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Employers;

/// <summary>
/// How a check is stored since issue 16 (item 7, a 100,000-row roster under 10 s): the rows and the items it opens are
/// written in bulk (binary COPY on PostgreSQL, untracked EF inserts on SQLite), the items opened are one audit entry for
/// the check, and everything is one transaction.
/// </summary>
public abstract class RosterStoreTests(CertGuardApp app)
{
    [Fact]
    public async Task The_bulk_writer_stores_every_column_of_rows_and_items_as_the_model_maps_them()
    {
        var employer = await app.NewEmployerAsync();
        var revoked = await app.IssueOneAsync("1.1", revoke: true);
        var at = app.Clock().GetUtcNow();
        var check = new RosterCheck(employer.Id, RosterArrangement.Guangzhou, RosterCheckKind.Upload, "名册.csv", "test", at);
        var position = Position.Define(employer.Id, "电工", ["1.1"], null, at);
        var judged = new RosterJudgement(RosterVerdict.Revoked, "证书已被撤销：请停止其特种作业。", VerificationOutcome.Revoked, revoked);
        RosterRow[] rows =
        [
            RosterRow.Checked(check.Id, employer.Id, 2, revoked.HolderName, revoked.Number, position, judged),
            RosterRow.Bad(check.Id, employer.Id, 3, "张三", "", null, "证件号码为空。"),
            RosterRow.Bad(check.Id, employer.Id, 4, "李四", "123", "叉车司机", "岗位未设置。"),
        ];
        RectificationItem[] items = [RectificationItem.Open(rows[0], RosterArrangement.Guangzhou, app.Today().AddDays(30), at)];
        await using (var db = app.SystemDb())
        {
            db.Add(position);
            db.Add(check);
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await RosterStore.WriteAsync(db, rows, items, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using (var db = app.SystemDb())
        {
            var storedRows = await db.Set<RosterRow>().AsNoTracking().Where(r => r.CheckId == check.Id).OrderBy(r => r.Row).ToListAsync();
            var storedItems = await db.Set<RectificationItem>().AsNoTracking().Where(i => i.OrganisationId == employer.Id).ToListAsync();
            AssertSameColumns(db, rows, storedRows);
            AssertSameColumns(db, items, storedItems);
        }
    }

    [Fact]
    public async Task A_check_audits_the_items_it_opens_as_one_entry_naming_their_count()
    {
        var employer = await app.NewEmployerAsync();
        var valid = await app.IssueOneAsync("1.1");
        var revoked = await app.IssueOneAsync("1.1", revoke: true);
        var unknown = app.NewHolder();
        var expired = await app.IssueOneAsync("1.1", yearsAgo: 6.3);
        List<string> lines =
        [
            RosterArrangement.Header, RosterArrangement.Line(valid), RosterArrangement.Line(revoked),
            $"{RosterArrangement.WorkerName(unknown)},{unknown.Value},", RosterArrangement.Line(expired),
        ];

        var check = await employer.CheckAsync(ImportFiles.Utf8(lines));
        var again = await employer.CheckAsync(ImportFiles.Utf8(lines));

        Assert.Equal((3, 0), (check.GetProperty("rectificationOpened").GetInt32(), again.GetProperty("rectificationOpened").GetInt32()));
        var checkId = check.GetProperty("checkId").GetGuid().ToString();
        await using var db = app.SystemDb();
        var items = await db.Set<RectificationItem>().AsNoTracking().Where(i => i.OrganisationId == employer.Id).ToListAsync();
        Assert.Equal(new[] { revoked.Number, expired.Number, unknown.Value }.Order(StringComparer.Ordinal), items.Select(i => i.Number).Order(StringComparer.Ordinal));
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal(RectificationStatus.Open, i.Status));
        var entry = Assert.Single(await db.AuditEntries.AsNoTracking().Where(e => e.Action == RosterChecker.OpenedAuditAction && e.EntityId == checkId).ToListAsync());
        Assert.Equal(nameof(RectificationItem), entry.EntityType);
        Assert.Contains("\"opened\":3", entry.After, StringComparison.Ordinal);
        var itemIds = items.Select(i => i.Id.ToString()).ToList();
        Assert.Empty(await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(RectificationItem) && itemIds.Contains(e.EntityId)).ToListAsync());
        Assert.Single(await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(RosterCheck) && e.EntityId == checkId && e.Action == "create").ToListAsync());
        // The second check opened none: no entry for it.
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == RosterChecker.OpenedAuditAction && e.After!.Contains(employer.Id.ToString())));
        Assert.True((await AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(),
            app.Services.GetRequiredService<AuditSeal>(), [])).Intact);
    }

    [Fact]
    public async Task A_failure_while_the_rows_are_written_leaves_the_previous_roster_and_nothing_of_the_new_one()
    {
        var employer = await app.NewEmployerAsync();
        var revoked = await app.IssueOneAsync("1.1", revoke: true);
        var expired = await app.IssueOneAsync("1.1", yearsAgo: 6.3);
        var first = await employer.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header, RosterArrangement.Line(revoked)]));
        Assert.Equal(1, first.GetProperty("rectificationOpened").GetInt32());
        int auditBefore;
        await using (var db = app.SystemDb())
        {
            auditBefore = await db.AuditEntries.CountAsync();
            // The database refuses the row named 爆炸 when it is written, after the check, the superseded one and the audit
            // were saved in the same transaction: all of it must roll back.
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? """
                  CREATE FUNCTION roster_boom() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN IF NEW."Name" = '爆炸' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $f$;
                  CREATE TRIGGER roster_boom BEFORE INSERT ON "RosterRows" FOR EACH ROW EXECUTE FUNCTION roster_boom();
                  """
                : """CREATE TRIGGER roster_boom BEFORE INSERT ON "RosterRows" WHEN NEW."Name" = '爆炸' BEGIN SELECT RAISE(ABORT, 'boom'); END;""");
        }
        HttpResponseMessage failed;
        try
        {
            failed = await employer.Api.UploadAsync(ImportFiles.Utf8(
                [RosterArrangement.Header, RosterArrangement.Line(revoked), RosterArrangement.Line(expired), $"爆炸,{app.NewHolder().Value},"]));
        }
        finally
        {
            await using var db = app.SystemDb();
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? """DROP TRIGGER roster_boom ON "RosterRows"; DROP FUNCTION roster_boom();"""
                : "DROP TRIGGER roster_boom;");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        await using (var db = app.SystemDb())
        {
            var checks = await db.Set<RosterCheck>().AsNoTracking().Where(c => c.OrganisationId == employer.Id).ToListAsync();
            var only = Assert.Single(checks);
            Assert.True(only.IsCurrent);
            Assert.Equal(1, await db.Set<RosterRow>().CountAsync(r => r.OrganisationId == employer.Id));
            Assert.Equal(revoked.Number, Assert.Single(await db.Set<RectificationItem>().AsNoTracking().Where(i => i.OrganisationId == employer.Id).ToListAsync()).Number);
            Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
            Assert.Equal(0, await db.VerificationLog.CountAsync(r => r.OrganisationId == employer.Id && r.NumberAsked == expired.Number));
        }
        // And the employer checks again as soon as the database takes the rows.
        var retried = await employer.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header, RosterArrangement.Line(revoked), RosterArrangement.Line(expired)]));
        Assert.Equal(1, retried.GetProperty("rectificationOpened").GetInt32());
    }

    /// <summary>Every column the model maps, read back, equals what was written (DateTimeOffset compared to the millisecond, as SQLite keeps it).</summary>
    private static void AssertSameColumns<T>(CertGuardDbContext db, IReadOnlyList<T> written, IReadOnlyList<T> stored) where T : class
    {
        Assert.Equal(written.Count, stored.Count);
        var properties = db.Model.FindEntityType(typeof(T))!.GetProperties().ToList();
        Assert.True(properties.Count > 8);
        for (var i = 0; i < written.Count; i++)
        {
            foreach (var property in properties)
            {
                var getter = property.GetGetter();
                object? expected = getter.GetClrValueUsingContainingEntity(written[i]), actual = getter.GetClrValueUsingContainingEntity(stored[i]);
                if (expected is DateTimeOffset e && actual is DateTimeOffset a)
                    Assert.True(e.UtcTicks / TimeSpan.TicksPerMillisecond == a.UtcTicks / TimeSpan.TicksPerMillisecond, $"{typeof(T).Name}.{property.Name}: {e:O} ≠ {a:O}");
                else
                    Assert.True(Equals(expected, actual), $"{typeof(T).Name}.{property.Name}: {expected} ≠ {actual}");
            }
        }
    }
}

public sealed class SqliteRosterStoreTests(SqliteApp app) : RosterStoreTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRosterStoreTests(PostgresApp app) : RosterStoreTests(app), IClassFixture<PostgresApp>;
