using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Data.Registry;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Exchange;

/// <summary>
/// The change feed the national platform pulls: ordered, paged, resumable from an opaque cursor; the same cursor gives
/// the same changes, following <c>next</c> gives each change once, even while officers write.
/// </summary>
public abstract class ChangeFeedTests(CertGuardApp app)
{
    [Fact]
    public async Task Paging_through_the_feed_twice_gives_every_change_once_in_order_and_the_same_changes_both_times()
    {
        var client = app.National();

        var first = await client.PullAllAsync(null, 37);
        var second = await client.PullAllAsync(null, 37);

        var sequences = first.Items.Select(i => i.Sequence()).ToList();
        Assert.True(first.Pages > 3, $"only {first.Pages} pages");
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(await LocalSequencesAsync(), sequences);
        Assert.Equal(sequences, second.Items.Select(i => i.Sequence()));
        Assert.Equal(first.Next, second.Next);

        // The same cursor twice: the same page.
        var cursor = (await client.PullAsync(null, 37)).GetProperty("next").GetString();
        var again1 = await client.PullAsync(cursor, 20);
        var again2 = await client.PullAsync(cursor, 20);
        Assert.Equal(again1.GetProperty("items").EnumerateArray().Select(i => i.Sequence()), again2.GetProperty("items").EnumerateArray().Select(i => i.Sequence()));
        Assert.Equal(again1.GetProperty("next").GetString(), again2.GetProperty("next").GetString());
    }

    [Fact]
    public async Task A_change_after_the_cursor_appears_on_the_next_pull_with_the_certificates_current_state()
    {
        var client = app.National();
        var (_, end, _) = await client.PullAllAsync(null, 5000);
        var atEnd = await client.PullAsync(end);
        Assert.Empty(atEnd.GetProperty("items").EnumerateArray());
        Assert.False(atEnd.GetProperty("hasMore").GetBoolean());
        Assert.Equal(end, atEnd.GetProperty("next").GetString());

        var revoked = await RevokeOneAsync();

        var page = await client.PullAsync(end);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        var change = item.GetProperty("event");
        Assert.Equal("Revoked", change.GetProperty("kind").GetString());
        Assert.Equal("PhysicallyUnfit", change.GetProperty("reason").GetString());
        Assert.Equal("officer", change.GetProperty("actorKind").GetString());
        Assert.False(change.TryGetProperty("actor", out _), "the officer's name must not leave the platform");
        Assert.False(change.TryGetProperty("details", out _), "free-text notes must not leave the platform");
        var certificate = item.GetProperty("certificate");
        Assert.Equal(revoked.Number, certificate.GetProperty("number").GetString());
        Assert.Equal(revoked.HolderName, certificate.GetProperty("holderName").GetString());
        Assert.Equal("Revoked", certificate.GetProperty("status").GetString());
        Assert.Equal(revoked.RegionCode, certificate.GetProperty("authorityCode").GetString());
        Assert.EndsWith("应急管理局", certificate.GetProperty("authorityName").GetString());
        Assert.Equal(revoked.Version, certificate.GetProperty("version").GetInt32());
        Assert.Equal(certificate.GetProperty("version").GetInt32(), change.GetProperty("version").GetInt32());

        var after = await client.PullAsync(page.GetProperty("next").GetString());
        Assert.Empty(after.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Following_next_while_officers_write_misses_nothing_and_repeats_nothing()
    {
        var client = app.National();
        var (_, start, _) = await client.PullAllAsync(null, 5000);
        var known = (await LocalSequencesAsync()).ToHashSet();

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 12; i++) await RevokeOneAsync();
        });
        var seen = new List<long>();
        var cursor = start;
        while (!writer.IsCompleted)
        {
            var page = await client.PullAsync(cursor, 3);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.Sequence()));
            cursor = page.GetProperty("next").GetString();
        }
        await writer;
        var (rest, _, _) = await client.PullAllAsync(cursor, 3);
        seen.AddRange(rest.Select(i => i.Sequence()));

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(12, seen.Count);
        Assert.Equal((await LocalSequencesAsync()).Where(s => !known.Contains(s)), seen);
    }

    [Fact]
    public async Task Each_page_pulled_is_audited_with_who_the_cursor_and_the_count()
    {
        var client = app.National();
        await using (var db = app.SystemDb())
        {
            var before = await db.AuditEntries.CountAsync(e => e.Action == "exchange-pull");
            var (items, _, pages) = await client.PullAllAsync(null, 250);
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "exchange-pull").OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal(before + pages, entries.Count);
            var mine = entries.Skip(before).ToList();
            Assert.All(mine, e => Assert.Equal(app.Account(Role.NationalExchange.Id).UserName, e.Actor));
            Assert.Equal(items.Count, mine.Sum(e => JsonDocument.Parse(e.After!).RootElement.GetProperty("count").GetInt32()));
            Assert.Equal(0, JsonDocument.Parse(mine[0].After!).RootElement.GetProperty("after").GetInt64());
        }
    }

    [Fact]
    public async Task Only_the_national_exchange_role_may_pull()
    {
        foreach (var role in new[] { Role.ProvinceOffice, Role.IssuingAuthority, Role.Auditor, Role.Employer })
            await (await app.ApiClient(role.Id).GetAsync("/api/v1/exchange/changes")).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await app.CreateClient().GetAsync("/api/v1/exchange/changes")).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Theory]
    [InlineData("since=not-a-cursor", "EXCHANGE-CURSOR-INVALID")]
    [InlineData("since=djE6LTE", "EXCHANGE-CURSOR-INVALID")] // "v1:-1"
    [InlineData("since=", "EXCHANGE-CURSOR-INVALID")]
    [InlineData("limit=0", "EXCHANGE-LIMIT")]
    [InlineData("limit=5001", "EXCHANGE-LIMIT")]
    public async Task Malformed_cursor_or_limit_is_a_problem_with_its_code(string query, string code)
    {
        var problem = await (await app.National().GetAsync("/api/v1/exchange/changes?" + query)).AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Certificates_received_from_other_provinces_are_not_sent_back()
    {
        var client = app.National();
        var (_, end, _) = await client.PullAllAsync(null, 5000);
        var number = ExchangeClient.IdNumber("430102", new DateOnly(1991, 2, 3), 11);

        var push = await client.PostAsJsonAsync("/api/v1/exchange/certificates", ExchangeClient.Foreign(number, 1));
        Assert.Equal(HttpStatusCode.Created, push.StatusCode);

        Assert.Empty((await client.PullAsync(end)).GetProperty("items").EnumerateArray());
    }

    /// <summary>Every sequence number of a certificate issued in this province, in order.</summary>
    private async Task<List<long>> LocalSequencesAsync()
    {
        await using var db = app.SystemDb();
        return await (from e in db.CertificateEvents
                      join c in db.Certificates on e.CertificateId equals c.Id
                      where c.ExchangeVersion == null
                      orderby EF.Property<long>(e, ChangeSequence.Property)
                      select EF.Property<long>(e, ChangeSequence.Property)).ToListAsync();
    }

    /// <summary>An officer revokes one more live certificate; returns what it is now.</summary>
    private async Task<Revoked> RevokeOneAsync()
    {
        await using var db = app.SystemDb();
        var certificate = await db.Certificates.Where(c => c.Status == CertificateStatus.Active && c.ExchangeVersion == null)
            .OrderBy(c => c.Id).FirstAsync();
        certificate.Revoke(RevocationReason.PhysicallyUnfit, app.Today(), "gz.officer", app.Rules(), app.Clock());
        await db.SaveChangesAsync();
        return new Revoked(certificate.Number, certificate.HolderName, certificate.RegionCode, certificate.Version);
    }

    private sealed record Revoked(string Number, string HolderName, string RegionCode, int Version);
}

public sealed class SqliteChangeFeedTests(SqliteApp app) : ChangeFeedTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresChangeFeedTests(PostgresApp app) : ChangeFeedTests(app), IClassFixture<PostgresApp>;
