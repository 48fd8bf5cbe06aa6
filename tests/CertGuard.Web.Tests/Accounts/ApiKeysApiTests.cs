using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Data.Accounts;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Accounts;

/// <summary>An organisation creates a key, the key works once created, and stops working once revoked.</summary>
public abstract class ApiKeysApiTests(CertGuardApp app)
{
    [Fact]
    public async Task Created_key_acts_as_its_account_until_revoked()
    {
        var officer = await app.SignedInClientAsync(Role.CityOffice.Id);
        var created = await officer.PostAsJsonAsync("/api/v1/api-keys", new { name = "统计报送系统" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("key").GetProperty("id").GetGuid();

        await using (var db = app.SystemDb())
        {
            var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id);
            // Only the hash of the secret part is stored; no text column holds it.
            var secretPart = secret.Split('_', 3)[2];
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secretPart)), stored.SecretHash);
            Assert.DoesNotContain(new[] { stored.Name, stored.Prefix, stored.AccountId }, v => v.Contains(secretPart, StringComparison.Ordinal));
            Assert.Contains(await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "ApiKey" && e.Action == "create").Select(e => e.EntityId).ToListAsync(), e => e == id.ToString());
        }

        var machine = app.CreateClient();
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var search = await machine.GetFromJsonAsync<JsonElement>("/api/v1/certificates?pageSize=5");
        Assert.All(search.GetProperty("items").EnumerateArray(), i => Assert.Equal("440100", i.GetProperty("regionCode").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/v1/api-keys/{id}")).StatusCode);
        var refused = await machine.GetAsync("/api/v1/certificates");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("API-KEY-INVALID", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Key_without_a_name_is_refused_and_another_organisations_key_cannot_be_revoked()
    {
        var officer = await app.SignedInClientAsync(Role.CityOffice.Id);
        var bad = await officer.PostAsJsonAsync("/api/v1/api-keys", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("API-KEY-NAME", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        Guid policeKey;
        await using (var db = app.SystemDb())
        {
            var police = await db.Organisations.AsNoTracking().SingleAsync(o => o.Kind == Role.Police.Id && o.RegionCode == "440100");
            policeKey = await db.ApiKeys.AsNoTracking().Where(k => k.OrganisationId == police.Id).Select(k => k.Id).FirstAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await officer.DeleteAsync($"/api/v1/api-keys/{policeKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(Role.Police.Id).GetAsync("/api/v1/certificates")).StatusCode);
    }

    [Fact]
    public async Task A_key_cannot_create_keys_only_a_signed_in_person_can()
    {
        var machine = app.ApiClient(Role.CityOffice.Id);

        var refused = await machine.PostAsJsonAsync("/api/v1/api-keys", new { name = "密钥生成的密钥" });

        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "API-KEY-INTERACTIVE-ONLY");
        var person = await app.SignedInClientAsync(Role.CityOffice.Id);
        Assert.Equal(HttpStatusCode.Created, (await person.PostAsJsonAsync("/api/v1/api-keys", new { name = "人员创建的密钥" })).StatusCode);
    }

    [Fact]
    public async Task A_key_revokes_only_itself_unless_it_belongs_to_the_province_office()
    {
        var officer = await app.SignedInClientAsync(Role.CityOffice.Id);
        var (firstId, first) = await CreateKeyAsync(officer, "撤销测试一");
        var (secondId, second) = await CreateKeyAsync(officer, "撤销测试二");

        await (await KeyClient(first).DeleteAsync($"/api/v1/api-keys/{secondId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "API-KEY-REVOKE-OWN-ONLY");
        Assert.Equal(HttpStatusCode.OK, (await KeyClient(second).GetAsync("/api/v1/certificates?pageSize=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await KeyClient(first).DeleteAsync($"/api/v1/api-keys/{firstId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await KeyClient(first).GetAsync("/api/v1/certificates?pageSize=1")).StatusCode);

        var province = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var (_, administrator) = await CreateKeyAsync(province, "省级管理密钥");
        var (otherId, other) = await CreateKeyAsync(province, "省级其他密钥");
        Assert.Equal(HttpStatusCode.NoContent, (await KeyClient(administrator).DeleteAsync($"/api/v1/api-keys/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await KeyClient(other).GetAsync("/api/v1/certificates?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task Keys_expire_after_their_lifetime_and_an_expired_key_is_refused_with_its_code()
    {
        var officer = await app.SignedInClientAsync(Role.CityOffice.Id);
        var created = await officer.PostAsJsonAsync("/api/v1/api-keys", new { name = "有效期测试" });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key");
        var lifetime = key.GetProperty("expiresAt").GetDateTimeOffset() - key.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(365), lifetime);

        string text;
        await using (var db = app.SystemDb())
        {
            var account = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == app.Account(Role.CityOffice.Id).UserName);
            ApiKey expired;
            (expired, text) = ApiKey.Create("已过期", account.OrganisationId!.Value, account.Id, DateTimeOffset.UtcNow.AddDays(-2), TimeSpan.FromDays(1));
            db.ApiKeys.Add(expired);
            await db.SaveChangesAsync();
        }

        var refused = await KeyClient(text).GetAsync("/api/v1/certificates?pageSize=1");
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, "API-KEY-EXPIRED");
    }

    private HttpClient KeyClient(string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<(Guid Id, string Secret)> CreateKeyAsync(HttpClient person, string name)
    {
        var created = await person.PostAsJsonAsync("/api/v1/api-keys", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("key").GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }
}

public sealed class SqliteApiKeysApiTests(SqliteApp app) : ApiKeysApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiKeysApiTests(PostgresApp app) : ApiKeysApiTests(app), IClassFixture<PostgresApp>;
