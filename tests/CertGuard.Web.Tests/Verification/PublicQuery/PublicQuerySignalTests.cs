using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertGuard.Web.Tests.Verification.PublicQuery.PublicQueryAnswerTests;

namespace CertGuard.Web.Tests.Verification.PublicQuery;

/// <summary>
/// From the public API to the city office's queue, end to end: two employers checking one number raise a 转借/转让
/// signal for the number's city and for no other; a wrong name for a real number raises a 冒用 signal.
/// </summary>
public abstract class PublicQuerySignalTests(PublicQueryApp app)
{
    [Fact]
    public async Task A_number_checked_by_two_employers_appears_as_a_signal_for_its_city_office_only()
    {
        var (certificate, holderCertificates) = await app.TakeAsync(CertificateState.Valid, LogArrangement.Guangzhou);
        var ids = holderCertificates.Select(c => c.Id).ToHashSet();
        var first = app.Client(apiKey: app.ApiKey(Role.Employer.Id));
        var second = app.Client(apiKey: await SecondEmployerKeyAsync());

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(Url(certificate.Number, certificate.HolderName))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(Url("T" + certificate.Number, certificate.HolderName))).StatusCode);
        await app.LogStoredAsync();

        var guangzhou = await app.ApiClient(Role.CityOffice.Id).GetFromJsonAsync<JsonElement>("/api/v1/signals?kind=SharedAcrossEmployers&state=Open");
        var signal = guangzhou.GetProperty("items").EnumerateArray().Single(s => ids.Contains(s.GetProperty("certificateId").GetGuid()));
        Assert.Equal(LogArrangement.Guangzhou, signal.GetProperty("regionCode").GetString());
        Assert.Equal(2, signal.GetProperty("count").GetInt32());
        Assert.Contains("转借", signal.GetProperty("explanation").GetString() + signal.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal(certificate.MaskedNumber, signal.GetProperty("subject").GetString());

        var shenzhen = await (await app.ShenzhenCityOfficeAsync()).GetFromJsonAsync<JsonElement>("/api/v1/signals?kind=SharedAcrossEmployers");
        Assert.DoesNotContain(shenzhen.GetProperty("items").EnumerateArray(), s => ids.Contains(s.GetProperty("certificateId").GetGuid()));
    }

    [Fact]
    public async Task A_wrong_name_for_a_real_number_appears_as_a_name_mismatch_signal_for_its_city_office()
    {
        var (certificate, holderCertificates) = await app.TakeAsync(CertificateState.Valid, LogArrangement.Guangzhou);

        var answer = await app.Client().GetFromJsonAsync<JsonElement>(Url(certificate.Number, "冒用者"));
        Assert.False(answer.GetProperty("found").GetBoolean());
        await app.LogStoredAsync();

        var signals = await app.ApiClient(Role.CityOffice.Id).GetFromJsonAsync<JsonElement>("/api/v1/signals?kind=NameMismatch&state=Open");
        // Counted per number: the evidence goes against the number's first certificate.
        var signal = signals.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("certificateId").GetGuid() == holderCertificates[0].Id);
        Assert.Equal(certificate.MaskedNumber, signal.GetProperty("subject").GetString());
        Assert.Equal(LogArrangement.Guangzhou, signal.GetProperty("regionCode").GetString());
        Assert.Contains("冒用", signal.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        // The name asked is not kept anywhere an official reads.
        Assert.DoesNotContain("冒用者", signals.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>An API key of another Guangzhou employer than the demo account's (made once per app).</summary>
    private async Task<string> SecondEmployerKeyAsync()
    {
        const string userName = "gz.employer.second";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        await using var db = app.SystemDb();
        var demoEmployer = (await users.FindByNameAsync(app.Account(Role.Employer.Id).UserName))!.OrganisationId;
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == Role.Employer.Id && o.RegionCode == LogArrangement.Guangzhou && o.Id != demoEmployer).OrderBy(o => o.Name).FirstAsync();
        var account = await users.FindByNameAsync(userName);
        if (account is null)
        {
            account = new Account { UserName = userName, DisplayName = "第二家用人单位", RoleId = Role.Employer.Id, RegionCode = LogArrangement.Guangzhou, OrganisationId = organisation.Id };
            Assert.True((await users.CreateAsync(account, "Second-Employer-2026!")).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, Role.Employer.Id)).Succeeded);
        }
        var (key, text) = ApiKey.Create("第二家用人单位 测试密钥", organisation.Id, account.Id, app.Clock().GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return text;
    }
}

[Collection(SqlitePublicQueryCollection.Name)]
public sealed class SqlitePublicQuerySignalTests(SqlitePublicQueryApp app) : PublicQuerySignalTests(app);

[Collection(PostgresPublicQueryCollection.Name)]
public sealed class PostgresPublicQuerySignalTests(PostgresPublicQueryApp app) : PublicQuerySignalTests(app);
