using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Holders;
using CertGuard.Data.Accounts;
using CertGuard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Lifecycle;

/// <summary>What an issuing authority does through the API, for the lifecycle tests.</summary>
internal static class LifecycleSteps
{
    public const string Guangzhou = "440100";
    public const string Shenzhen = "440300";

    private static int _sequence;

    /// <summary>
    /// A valid resident ID number no certificate of the demo has: a Guangzhou (Tianhe) holder born in 1980-1995,
    /// made distinct per call by its sequence digits and birth day.
    /// </summary>
    public static async Task<string> NewHolderAsync(CertGuardApp app)
    {
        await using var db = app.SystemDb();
        while (true)
        {
            var n = Interlocked.Increment(ref _sequence) + Random.Shared.Next(0, 400) * 1000;
            var birth = new DateOnly(1980, 1, 1).AddDays(n % 5000);
            var first17 = "440106" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n % 1000).ToString("000", CultureInfo.InvariantCulture);
            var number = first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
            if (!await db.Certificates.IgnoreQueryFilters().AnyAsync(c => c.Number == number)) return number;
        }
    }

    public static Task<HttpResponseMessage> PostIssueAsync(HttpClient client, string idNumber, string item, DateOnly issuedOn, string name = "王建国", Guid? employerId = null) =>
        client.PostAsJsonAsync("/api/v1/certificates", new { idNumber, holderName = name, itemCode = item, issuedOn, employerId });

    /// <summary>Issues and asserts it was created; returns the certificate detail.</summary>
    public static async Task<JsonElement> IssueAsync(HttpClient client, string idNumber, string item, DateOnly issuedOn, string name = "王建国")
    {
        var response = await PostIssueAsync(client, idNumber, item, issuedOn, name);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Issue answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A new holder's certificate whose first review falls due in <paramref name="dueInDays"/> days (its window is open).</summary>
    public static async Task<JsonElement> IssueDueForReviewAsync(CertGuardApp app, HttpClient client, int dueInDays = 30, string item = "1.1") =>
        await IssueAsync(client, await NewHolderAsync(app), item, app.Today().AddYears(-3).AddDays(dueInDays));

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, object body) =>
        client.PostAsJsonAsync($"/api/v1/certificates/{id}/{action}", body);

    /// <summary>Runs an action and asserts it succeeded; returns the certificate detail after it.</summary>
    public static async Task<JsonElement> ActOkAsync(HttpClient client, Guid id, string action, object body)
    {
        var response = await ActAsync(client, id, action, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid Id(this JsonElement detail) => detail.GetProperty("certificate").GetProperty("id").GetGuid();

    public static int Version(this JsonElement detail) => detail.GetProperty("version").GetInt32();

    public static string State(this JsonElement detail) => detail.GetProperty("certificate").GetProperty("state").GetString()!;

    public static DateOnly Date(this JsonElement detail, string field) =>
        DateOnly.Parse(detail.GetProperty("certificate").GetProperty(field).GetString()!, CultureInfo.InvariantCulture);

    public static List<JsonElement> History(this JsonElement detail) => detail.GetProperty("history").EnumerateArray().ToList();

    public static string LastEvent(this JsonElement detail) => detail.History()[^1].GetProperty("kind").GetString()!;

    /// <summary>
    /// An issuing-authority account of another city (the demo's city accounts are Guangzhou's), signed in with a
    /// cookie, acting for that city's authority.
    /// </summary>
    public static async Task<HttpClient> OtherCityAuthorityAsync(CertGuardApp app, string city = Shenzhen)
    {
        var userName = $"authority.{city}.test";
        const string password = "Authority-Test-2026!";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                await using var db = app.SystemDb();
                var authority = await db.Organisations.FirstAsync(o => o.Kind == Role.IssuingAuthority.Id && o.RegionCode == city);
                var account = new Account
                {
                    UserName = userName, DisplayName = "外市发证员", RoleId = Role.IssuingAuthority.Id, RegionCode = city, OrganisationId = authority.Id,
                };
                Assert.True((await users.CreateAsync(account, password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(account, Role.IssuingAuthority.Id)).Succeeded);
            }
        }
        return await app.SignedInClientAsync(userName, password);
    }
}
