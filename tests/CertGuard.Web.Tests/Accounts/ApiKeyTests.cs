using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CertGuard.Core.Accounts;
using CertGuard.Data.Accounts;
using CertGuard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Accounts;

/// <summary>Bearer API keys: the right key acts as its account; anything else is one 401 problem; no key text is stored.</summary>
public abstract class ApiKeyTests(CertGuardApp app)
{
    [Fact]
    public async Task Demo_key_reads_the_registry_as_its_account()
    {
        var response = await app.ApiClient(Role.CityOffice.Id).GetAsync("/api/v1/certificates?pageSize=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("cgk_short_secret")]
    [InlineData("cgk__AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xyz_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Malformed_key_is_refused_with_a_bearer_challenge(string key)
    {
        await AssertRefusedAsync(await GetWithKeyAsync(key));
    }

    [Fact]
    public async Task Unknown_key_is_refused_with_a_bearer_challenge()
    {
        var (_, text) = ApiKey.Create("从未保存", Guid.NewGuid(), "nobody", DateTimeOffset.UtcNow);
        await AssertRefusedAsync(await GetWithKeyAsync(text));
    }

    [Fact]
    public async Task Key_with_the_right_prefix_and_a_wrong_secret_is_refused()
    {
        var key = app.ApiKey(Role.CityOffice.Id);
        var parts = key.Split('_', 3);
        var secret = parts[2];
        var altered = (secret[0] == 'A' ? 'B' : 'A') + secret[1..];

        await AssertRefusedAsync(await GetWithKeyAsync($"{parts[0]}_{parts[1]}_{altered}"));
        await AssertRefusedAsync(await GetWithKeyAsync($"{parts[0]}_{parts[1]}_{secret}extra"));
        // The real key still works afterwards: a wrong guess does not disable it.
        Assert.Equal(HttpStatusCode.OK, (await GetWithKeyAsync(key)).StatusCode);
    }

    [Fact]
    public async Task Key_of_a_locked_out_account_is_refused()
    {
        string text;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            await using var db = app.SystemDb();
            var police = await db.Organisations.AsNoTracking().FirstAsync(o => o.Kind == Role.Police.Id && o.RegionCode == "440100");
            var account = new Account { UserName = "locked.key.test", DisplayName = "锁定账号", RoleId = Role.Police.Id, RegionCode = "440100", OrganisationId = police.Id };
            Assert.True((await users.CreateAsync(account, "Locked-Key-Test-1!")).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, Role.Police.Id)).Succeeded);
            ApiKey key;
            (key, text) = ApiKey.Create("锁定账号的密钥", police.Id, account.Id, DateTimeOffset.UtcNow);
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            Assert.Equal(HttpStatusCode.OK, (await GetWithKeyAsync(text)).StatusCode);
            Assert.True((await users.SetLockoutEndDateAsync(account, DateTimeOffset.UtcNow.AddHours(1))).Succeeded);
        }
        await AssertRefusedAsync(await GetWithKeyAsync(text));
    }

    [Fact]
    public async Task Database_stores_only_a_32_byte_hash_of_each_demo_key()
    {
        var keys = Role.All.Select(r => app.ApiKey(r.Id)).ToList();
        var secrets = keys.Select(k => k.Split('_', 3)[2]).ToList();

        await using var db = app.SystemDb();
        var rows = new List<Dictionary<string, object?>>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT * FROM \"ApiKeys\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }
        Assert.True(rows.Count >= keys.Count);
        foreach (var row in rows)
        {
            Assert.Equal(32, Assert.IsType<byte[]>(row["SecretHash"]).Length);
            foreach (var (column, value) in row)
            {
                foreach (var secret in secrets)
                    Assert.False(Holds(value, secret), $"column {column} holds an API key secret");
            }
        }

        // Nor does the audit log hold the secret or its hash.
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(ApiKey)).ToListAsync();
        Assert.NotEmpty(audit);
        Assert.All(audit, e =>
        {
            Assert.DoesNotContain("SecretHash", e.After ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(secrets, s => (e.After ?? "").Contains(s, StringComparison.Ordinal));
        });
    }

    private static bool Holds(object? value, string secret) => value switch
    {
        string s => s.Contains(secret, StringComparison.Ordinal),
        byte[] b => b.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0 || Encoding.UTF8.GetString(b).Contains(secret, StringComparison.Ordinal),
        null => false,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.Contains(secret, StringComparison.Ordinal),
    };

    private async Task<HttpResponseMessage> GetWithKeyAsync(string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await client.GetAsync("/api/v1/certificates");
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "API-KEY-INVALID");
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
    }
}

public sealed class SqliteApiKeyTests(SqliteApp app) : ApiKeyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiKeyTests(PostgresApp app) : ApiKeyTests(app), IClassFixture<PostgresApp>;
