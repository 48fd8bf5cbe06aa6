using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Data.Accounts;
using CertGuard.Data.Audit;
using CertGuard.Testing;
using CertGuard.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Audit;

/// <summary>
/// Reading the audit log: ID numbers in snapshots are masked for everyone, every read (API or page) is itself an audit
/// entry with its filter, the API is limited per account; the chain is keyed and checkpointed on demand.
/// </summary>
public abstract class AuditReadTests(CertGuardApp app)
{
    private const string FullNumber = "44010619900307123X";

    [Fact]
    public async Task Snapshots_show_id_numbers_masked_in_the_api_and_on_the_page()
    {
        await using (var db = app.SystemDb())
        {
            db.AddAuditEntry("view-full-id", "Certificate", "audit-mask-test", $$"""{"Number":"{{FullNumber}}","Name":"张三"}""");
            await db.SaveChangesAsync();
        }

        var json = await (await ReaderAsync("audit.mask")).GetStringAsync("/api/v1/audit/entries?take=20");
        Assert.DoesNotContain(FullNumber, json, StringComparison.Ordinal);
        Assert.Contains("4401**********123X", json, StringComparison.Ordinal);

        var page = await (await app.SignedInClientAsync(Role.Auditor.Id)).GetStringAsync("/audit");
        Assert.DoesNotContain(FullNumber, page, StringComparison.Ordinal);
        Assert.Contains("4401**********123X", page, StringComparison.Ordinal);

        // The log itself keeps the full value: its hash covers it.
        await using var check = app.SystemDb();
        Assert.Contains(await check.AuditEntries.AsNoTracking().Where(e => e.EntityId == "audit-mask-test").Select(e => e.After).ToListAsync(),
            a => a!.Contains(FullNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_read_of_the_log_is_audited_with_its_filter_and_reader()
    {
        var reader = await ReaderAsync("audit.reads");
        var before = await LastSequenceAsync();

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/audit/entries?before={before}&take=7")).StatusCode);
        var auditor = await app.SignedInClientAsync(Role.Auditor.Id);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/audit")).StatusCode);

        await using var db = app.SystemDb();
        var reads = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > before && e.Action == AuditReads.Action).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, reads.Count);
        Assert.Equal("audit.reads", reads[0].Actor);
        var filter = JsonDocument.Parse(reads[0].After!).RootElement;
        Assert.Equal("api", filter.GetProperty("channel").GetString());
        Assert.Equal(before, filter.GetProperty("before").GetInt64());
        Assert.Equal(7, filter.GetProperty("take").GetInt32());
        Assert.Equal(app.Account(Role.Auditor.Id).UserName, reads[1].Actor);
        Assert.Equal("page", JsonDocument.Parse(reads[1].After!).RootElement.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task The_audit_api_is_limited_per_account()
    {
        var reader = await ReaderAsync("audit.limited");
        // All at once: twice the burst, far more than the bucket refills while they arrive.
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => reader.GetAsync("/api/v1/audit/entries?take=1")));

        var refused = answers.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "AUDIT-READ-LIMITED");
        Assert.NotNull(refused.Headers.RetryAfter);
        // Another account is not affected.
        Assert.Equal(HttpStatusCode.OK, (await (await ReaderAsync("audit.other")).GetAsync("/api/v1/audit/entries?take=1")).StatusCode);
    }

    [Fact]
    public async Task A_checkpoint_on_demand_is_signed_stored_and_written_to_the_file_and_the_chain_verifies_against_it()
    {
        var reader = await ReaderAsync("audit.checkpoint");

        var created = await reader.PostAsync("/api/v1/audit/checkpoints", null);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var sequence = body.GetProperty("sequence").GetInt64();
        var fromFile = await AuditCheckpoints.ReadFileAsync(app.CheckpointFile);
        Assert.Equal(sequence, fromFile.Sequence);
        Assert.Equal(body.GetProperty("hash").GetString(), fromFile.Hash);
        Assert.True(fromFile.IsSignedBy(app.Services.GetRequiredService<AuditSeal>()));
        await using (var db = app.SystemDb())
        {
            Assert.True(await db.AuditCheckpoints.AnyAsync(c => c.Sequence == sequence));
            // The chain starts with its anchor and every entry carries a keyed hash, not a plain SHA-256.
            var first = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).FirstAsync();
            Assert.True(AuditChain.IsAnchor(first));
            Assert.NotEqual(AuditChain.PlainHash(first), first.Hash);
        }

        var verify = await reader.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.GetProperty("message").GetString());
        Assert.Contains("检查点一致", verify.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>An auditor of its own (own rate-limit bucket) with an API key.</summary>
    private async Task<HttpClient> ReaderAsync(string userName)
    {
        string text;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            await using var db = app.SystemDb();
            var auditor = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == app.Account(Role.Auditor.Id).UserName);
            var account = new Account { UserName = userName, DisplayName = "审计读取测试", RoleId = Role.Auditor.Id, RegionCode = "440000", OrganisationId = auditor.OrganisationId };
            Assert.True((await users.CreateAsync(account, "Audit-Reader-2026!")).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, Role.Auditor.Id)).Succeeded);
            ApiKey key;
            (key, text) = ApiKey.Create("审计读取", auditor.OrganisationId!.Value, account.Id, DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
        }
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", text);
        return client;
    }

    private async Task<long> LastSequenceAsync()
    {
        await using var db = app.SystemDb();
        return await db.AuditEntries.MaxAsync(e => e.Sequence);
    }
}

public sealed class SqliteAuditReadTests(SqliteApp app) : AuditReadTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditReadTests(PostgresApp app) : AuditReadTests(app), IClassFixture<PostgresApp>;
