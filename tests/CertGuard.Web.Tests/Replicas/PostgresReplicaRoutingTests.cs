using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertGuard.Core.Accounts;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using CertGuard.Web.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CertGuard.Web.Tests.Verification.PublicQuery.PublicQueryAnswerTests;

namespace CertGuard.Web.Tests.Replicas;

/// <summary>
/// Reads that may lag go to the streaming replica, writes and the reads that must see them to the primary
/// (docs/architecture.md, "Reads from the replica"). The replica's replay is paused to make the lag visible: the public
/// query and the registry search still answer the old state while the officer's certificate page shows the new one.
/// </summary>
public sealed partial class PostgresReplicaRoutingTests(PostgresReplicaApp app) : IClassFixture<PostgresReplicaApp>
{
    [Fact]
    public async Task The_public_query_reads_the_replica_while_the_officer_page_reads_the_primary_and_writes_reach_the_primary()
    {
        var authority = app.ApiClient(Role.IssuingAuthority.Id);
        var issued = await LifecycleSteps.IssueAsync(authority, await LifecycleSteps.NewHolderAsync(app), "1.1", app.Today());
        var id = issued.Id();
        string number;
        await using (var db = app.SystemDb())
            number = (await db.Certificates.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == id)).Number;
        await app.ReplicaCaughtUpAsync();
        Assert.Equal("Valid", await PublicStateAsync(number));

        var officer = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        await app.PauseReplayAsync();
        try
        {
            // A write while the replica stands still: it can only have gone to the primary (the replica refuses writes).
            await LifecycleSteps.ActOkAsync(authority, id, "revocation", new { version = issued.Version(), reason = "PhysicallyUnfit" });

            Assert.Equal("已撤销", await PageStateAsync(officer, id));
            Assert.Equal("Valid", await PublicStateAsync(number));
            Assert.Equal("Valid", await SearchStateAsync(authority, number));
        }
        finally
        {
            await app.ResumeReplayAsync();
        }

        await app.ReplicaCaughtUpAsync();
        Assert.Equal("Revoked", await PublicStateAsync(number));
        Assert.Equal("Revoked", await SearchStateAsync(authority, number));

        // The public query's log is a write too: all three queries are on the primary, two made while replay was paused.
        await app.LogStoredAsync();
        await using var check = app.SystemDb();
        Assert.Equal(3, await check.VerificationLog.AsNoTracking().CountAsync(r => r.NumberAsked == number));
    }

    [Fact]
    public async Task The_read_context_is_on_the_replica_and_cannot_write_the_primary_context_is_not()
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(SystemActor.Job("replica-test"));
        var primary = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        var read = scope.ServiceProvider.GetRequiredKeyedService<CertGuardDbContext>(ReadOnlyDb.Key);

        Assert.False(await InRecoveryAsync(primary));
        Assert.True(await InRecoveryAsync(read));
        Assert.Equal(QueryTrackingBehavior.NoTracking, read.ChangeTracker.QueryTrackingBehavior);

        var certificate = await read.Certificates.IgnoreQueryFilters().OrderBy(c => c.Number).FirstAsync();
        Assert.Empty(read.ChangeTracker.Entries());
        read.Attach(certificate).Property(c => c.HolderName).IsModified = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => read.SaveChangesAsync());

        // Below EF Core too: the replica itself refuses (SQLSTATE 25006, read-only transaction).
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            read.Database.ExecuteSqlRawAsync("UPDATE \"Certificates\" SET \"HolderName\" = \"HolderName\" WHERE false"));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
        Assert.Equal(0, await primary.Database.ExecuteSqlRawAsync("UPDATE \"Certificates\" SET \"HolderName\" = \"HolderName\" WHERE false"));
    }

    private static async Task<bool> InRecoveryAsync(CertGuardDbContext db) =>
        await db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync();

    /// <summary>The public query's state of the holder's certificate (each call is one query of the per-number limit).</summary>
    private async Task<string> PublicStateAsync(string number)
    {
        var answer = await app.Client().GetFromJsonAsync<JsonElement>(Url(number, "王建国"));
        Assert.True(answer.GetProperty("found").GetBoolean());
        return answer.GetProperty("certificates").EnumerateArray().Single().GetProperty("state").GetString()!;
    }

    /// <summary>The registry search (a list that may lag) as the officer's API key sees it.</summary>
    private static async Task<string> SearchStateAsync(HttpClient client, string number)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?q={number}");
        return page.GetProperty("items").EnumerateArray().Single().GetProperty("state").GetString()!;
    }

    /// <summary>The state an officer's certificate page shows (read from the primary).</summary>
    private static async Task<string> PageStateAsync(HttpClient officer, Guid id)
    {
        var response = await officer.GetAsync($"/registry/certificate/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = StatePattern().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "no state badge on the certificate page");
        return match.Groups[1].Value.Trim();
    }

    [GeneratedRegex("data-testid=\"certificate-state\">([^<]+)<")]
    private static partial Regex StatePattern();
}
