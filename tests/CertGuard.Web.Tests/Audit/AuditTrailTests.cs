using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Data.Accounts;
using CertGuard.Data.Audit;
using CertGuard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Audit;

/// <summary>
/// The append-only, hash-chained audit log: every change is written with who, before and after, never a secret;
/// the chain verifies; only auditors read it; the database itself refuses to edit or delete an entry.
/// </summary>
public abstract class AuditTrailTests(CertGuardApp app)
{
    [Fact]
    public async Task Creating_an_account_writes_create_entries_without_password_hash_or_security_stamp()
    {
        const string userName = "audit.created";
        var last = await LastSequenceAsync();
        string accountId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = new Account { UserName = userName, DisplayName = "审计测试", RoleId = Role.Auditor.Id, RegionCode = "440000" };
            Assert.True((await users.CreateAsync(account, "Audit-Created-2026!")).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, Role.Auditor.Id)).Succeeded);
            accountId = account.Id;
        }

        await using var db = app.SystemDb();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == accountId);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > last).OrderBy(e => e.Sequence).ToListAsync();
        var create = Assert.Single(entries, e => e.EntityType == nameof(Account) && e.EntityId == accountId && e.Action == "create");
        Assert.False(string.IsNullOrWhiteSpace(create.Actor));
        Assert.Null(create.Before);
        var after = JsonDocument.Parse(create.After!).RootElement;
        Assert.Equal(userName, after.GetProperty("UserName").GetString());
        Assert.Equal(Role.Auditor.Id, after.GetProperty("RoleId").GetString());
        Assert.Contains(entries, e => e.Action == "create" && e.EntityType.StartsWith("IdentityUserRole", StringComparison.Ordinal) && e.After!.Contains(accountId, StringComparison.Ordinal));

        foreach (var e in entries)
        {
            foreach (var json in new[] { e.Before, e.After })
            {
                if (json is null) continue;
                Assert.DoesNotContain("PasswordHash", json, StringComparison.Ordinal);
                Assert.DoesNotContain("SecurityStamp", json, StringComparison.Ordinal);
                Assert.DoesNotContain(stored.PasswordHash!, json, StringComparison.Ordinal);
                Assert.DoesNotContain(stored.SecurityStamp!, json, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_change_made_through_the_api_names_the_signed_in_account_with_before_and_after()
    {
        var officer = await app.SignedInClientAsync(Role.CityOffice.Id);
        var created = await officer.PostAsJsonAsync("/api/v1/api-keys", new { name = "审计测试密钥" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/v1/api-keys/{id}")).StatusCode);

        await using var db = app.SystemDb();
        var key = id.ToString();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(ApiKey) && e.EntityId == key).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["create", "update"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(app.Account(Role.CityOffice.Id).UserName, e.Actor));
        var update = entries[1];
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(update.Before!).RootElement.GetProperty("RevokedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, JsonDocument.Parse(update.After!).RootElement.GetProperty("RevokedAt").ValueKind);
    }

    [Fact]
    public async Task Changes_made_by_the_platform_outside_a_request_are_not_attributed_to_an_anonymous_visitor()
    {
        // The demo seed runs at start-up, with no request and no signed-in user: the platform acts (IActor: a null
        // scope is the platform itself), and the log must say so rather than blame an anonymous member of the public.
        await using var db = app.SystemDb();
        var seeding = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Account) && e.Action == "create")
            .OrderBy(e => e.Sequence).FirstAsync();
        Assert.NotEqual("anonymous", seeding.Actor);
    }

    [Fact]
    public async Task Chain_verifies_intact_for_the_auditor()
    {
        // Write a few more entries first (views of full numbers), so the chain is more than the seed.
        await using (var db = app.SystemDb())
        {
            var ids = await db.Certificates.AsNoTracking().Where(c => c.RegionCode == "440100").OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync();
            var office = app.ApiClient(Role.CityOffice.Id);
            foreach (var id in ids)
                Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/v1/certificates/{id}?fullIdNumber=true")).StatusCode);
        }

        var result = await app.ApiClient(Role.Auditor.Id).GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

        Assert.True(result.GetProperty("intact").GetBoolean(), result.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("firstBrokenSequence").ValueKind);
        await using var check = app.SystemDb();
        Assert.Equal(await check.AuditEntries.LongCountAsync(), result.GetProperty("verifiedCount").GetInt64());
        Assert.Contains("审计日志完整", result.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_entries_still_match_their_hashes_after_the_round_trip_through_the_database()
    {
        await using var db = app.SystemDb();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.NotEmpty(entries);
        var seal = app.Services.GetRequiredService<AuditSeal>();
        var mismatched = entries.Where(e => !seal.Matches(e)).ToList();
        // AuditChain.Seal hashes the time at microsecond precision; the stored time must keep at least that much.
        var coarse = entries.Count(e => e.At.UtcTicks % 1000 == 0);
        Assert.True(mismatched.Count == 0,
            $"{mismatched.Count} of {entries.Count} entries no longer match their hash, first #{mismatched.FirstOrDefault()?.Sequence}; " +
            $"{coarse} of {entries.Count} stored times are whole multiples of 100 µs (precision lost in storage)");
    }

    [Fact]
    public async Task Concurrent_writers_keep_one_unbroken_chain()
    {
        await using (var db = app.SystemDb())
        {
            var ids = await db.Certificates.AsNoTracking().Where(c => c.RegionCode == "440100").OrderByDescending(c => c.Id).Select(c => c.Id).Take(12).ToListAsync();
            var office = app.ApiClient(Role.CityOffice.Id);
            var responses = await Task.WhenAll(ids.Select(id => office.GetAsync($"/api/v1/certificates/{id}?fullIdNumber=true")));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        }
        await using var check = app.SystemDb();
        var sequences = await check.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        var result = await app.ApiClient(Role.Auditor.Id).GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(result.GetProperty("intact").GetBoolean(), result.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Auditor_lists_recent_entries_newest_first_and_a_city_office_key_is_forbidden()
    {
        var entries = await app.ApiClient(Role.Auditor.Id).GetFromJsonAsync<JsonElement>("/api/v1/audit/entries?take=5");
        var sequences = entries.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(5, sequences.Count);
        Assert.Equal(sequences.OrderDescending().ToList(), sequences);

        var older = await app.ApiClient(Role.Auditor.Id).GetFromJsonAsync<JsonElement>($"/api/v1/audit/entries?before={sequences[^1]}&take=5");
        Assert.All(older.EnumerateArray(), e => Assert.True(e.GetProperty("sequence").GetInt64() < sequences[^1]));

        var province = await app.ApiClient(Role.ProvinceOffice.Id).GetAsync("/api/v1/audit/entries?take=1");
        Assert.Equal(HttpStatusCode.OK, province.StatusCode);

        foreach (var role in new[] { Role.CityOffice, Role.Police, Role.Employer })
        {
            var forbidden = await app.ApiClient(role.Id).GetAsync("/api/v1/audit/entries");
            await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await app.ApiClient(role.Id).GetAsync("/api/v1/audit/verify")).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
    }

    [Fact]
    public async Task Audit_page_shows_the_verification_to_the_auditor_only()
    {
        var auditor = await app.SignedInClientAsync(Role.Auditor.Id);
        var html = await auditor.GetStringAsync("/audit");
        Assert.Contains("data-testid=\"audit-verification\"", html, StringComparison.Ordinal);

        var office = await app.SignedInClientAsync(Role.CityOffice.Id);
        var denied = await office.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_page_names_operations_and_fields_in_chinese_filters_pages_and_exports_with_the_export_audited()
    {
        await using (var db = app.SystemDb())
        {
            db.AddAuditEntry("view-full-id", "Certificate", "audit-page-test", """{"HolderName":"张三","Status":"Valid"}""");
            // More than a page of entries, whatever the other tests wrote.
            for (var i = 0; i < 55; i++) db.AddAuditEntry("view-full-id", "Certificate", $"audit-page-fill-{i}");
            await db.SaveChangesAsync();
        }
        var auditor = await app.SignedInClientAsync(Role.Auditor.Id);

        var html = await auditor.GetStringAsync("/audit?op=view-full-id&subject=audit-page-test");
        Assert.Contains("查看完整身份证号", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"audit-changes\"", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">持证人姓名</th>", html, StringComparison.Ordinal);
        Assert.Contains("共 1 条记录", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">view-full-id<", html, StringComparison.Ordinal);

        var all = await auditor.GetStringAsync("/audit");
        Assert.Contains("data-testid=\"audit-next\"", all, StringComparison.Ordinal);
        Assert.Contains("第 2 /", await auditor.GetStringAsync("/audit?p=2"), StringComparison.Ordinal);

        var export = await auditor.GetAsync("/audit?handler=Export&op=view-full-id&subject=audit-page-test");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Contains("查看完整身份证号", csv, StringComparison.Ordinal);
        Assert.Contains("持证人姓名,,张三", csv, StringComparison.Ordinal);
        await using var check = app.SystemDb();
        Assert.True(await check.AuditEntries.AsNoTracking().AnyAsync(e => e.Action == "export-audit-log" && e.Actor == app.Account(Role.Auditor.Id).UserName));
    }

    [Fact]
    public async Task Database_refuses_to_update_or_delete_an_audit_entry()
    {
        await using var db = app.SystemDb();
        var before = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).FirstAsync();

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'intruder' WHERE \"Sequence\" = 1"));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);

        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"AuditEntries\")"));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);

        var deleteAll = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.Contains("append-only", deleteAll.Message, StringComparison.Ordinal);

        await using var check = app.SystemDb();
        var after = await check.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).FirstAsync();
        Assert.Equal(before.Actor, after.Actor);
        Assert.Equal(before.Hash, after.Hash);
    }

    private async Task<long> LastSequenceAsync()
    {
        await using var db = app.SystemDb();
        return await db.AuditEntries.MaxAsync(e => e.Sequence);
    }
}

public sealed class SqliteAuditTrailTests(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditTrailTests(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
