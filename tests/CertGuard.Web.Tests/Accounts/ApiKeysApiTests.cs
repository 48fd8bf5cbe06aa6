using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
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
}

public sealed class SqliteApiKeysApiTests(SqliteApp app) : ApiKeysApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiKeysApiTests(PostgresApp app) : ApiKeysApiTests(app), IClassFixture<PostgresApp>;
