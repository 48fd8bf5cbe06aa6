using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Data.Accounts;
using CertGuard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Registry;

/// <summary>A city account sees its city only: not by search, not by a guessed URL, not through the API.</summary>
public abstract class RegistryScopeTests(CertGuardApp app)
{
    private const string Guangzhou = "440100";
    private const string Shenzhen = "440300";

    [Fact]
    public async Task Shenzhen_account_cannot_read_a_Guangzhou_certificate_by_api_path_or_page_url()
    {
        var guangzhou = await AnyCertificateOfAsync(Guangzhou);
        var client = await ShenzhenPoliceClientAsync();

        var api = await client.GetAsync($"/api/v1/certificates/{guangzhou.Id}");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CERT-NOT-FOUND", problem.GetProperty("code").GetString());

        var page = await client.GetAsync($"/registry/certificate/{guangzhou.Id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);

        var search = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?q={guangzhou.Number}");
        Assert.Equal(0, search.GetProperty("total").GetInt32());

        var holder = await client.GetFromJsonAsync<JsonElement>($"/api/v1/holders/T{guangzhou.Number}/certificates");
        Assert.Equal(0, holder.GetArrayLength());
    }

    [Fact]
    public async Task Shenzhen_account_reads_its_own_city_and_search_lists_only_that_city()
    {
        var shenzhen = await AnyCertificateOfAsync(Shenzhen);
        var client = await ShenzhenPoliceClientAsync();

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{shenzhen.Id}");
        Assert.Equal(shenzhen.HolderName, detail.GetProperty("certificate").GetProperty("holderName").GetString());

        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/certificates?pageSize=100");
        Assert.True(all.GetProperty("total").GetInt32() > 0);
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.Equal(Shenzhen, i.GetProperty("regionCode").GetString()));

        // Asking for another city's filter does not widen the scope.
        var other = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?city={Guangzhou}");
        Assert.Equal(0, other.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Province_office_sees_every_city()
    {
        var client = app.ApiClient(Role.ProvinceOffice.Id);
        var gz = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?city={Guangzhou}");
        var sz = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?city={Shenzhen}");
        await using var db = app.SystemDb();
        Assert.Equal(await db.Certificates.CountAsync(c => c.RegionCode == Guangzhou), gz.GetProperty("total").GetInt32());
        Assert.Equal(await db.Certificates.CountAsync(c => c.RegionCode == Shenzhen), sz.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Exam_centre_cannot_browse_the_registry()
    {
        var response = await app.ApiClient(Role.ExamCentre.Id).GetAsync("/api/v1/certificates");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FORBIDDEN", problem.GetProperty("code").GetString());
    }

    private async Task<Certificate> AnyCertificateOfAsync(string city)
    {
        await using var db = app.SystemDb();
        return await db.Certificates.AsNoTracking().Where(c => c.RegionCode == city).OrderBy(c => c.Id).FirstAsync();
    }

    /// <summary>The demo hands out Guangzhou accounts; a Shenzhen police account is made here.</summary>
    private async Task<HttpClient> ShenzhenPoliceClientAsync()
    {
        const string userName = "sz.police.test";
        const string password = "Shenzhen-Police-2026!";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                await using var db = app.SystemDb();
                var police = await db.Organisations.FirstAsync(o => o.Kind == Role.Police.Id && o.RegionCode == Shenzhen);
                var account = new Account { UserName = userName, DisplayName = "深圳公安", RoleId = Role.Police.Id, RegionCode = Shenzhen, OrganisationId = police.Id };
                Assert.True((await users.CreateAsync(account, password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(account, Role.Police.Id)).Succeeded);
            }
        }
        return await app.SignedInClientAsync(userName, password);
    }
}

public sealed class SqliteRegistryScopeTests(SqliteApp app) : RegistryScopeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRegistryScopeTests(PostgresApp app) : RegistryScopeTests(app), IClassFixture<PostgresApp>;
