using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Organisations;
using CertGuard.Data.Accounts;
using CertGuard.Testing;
using CertGuard.Web.Tests.Verification;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Institutions;

/// <summary>Arranges institutions' work as they would do it: the questionnaire, self-checks and review checks through the API.</summary>
internal static class InstitutionArrangement
{
    public const string ShenzhenTraining = "深圳市南山安全技术培训学校";

    public static async Task<JsonElement> CurrentQuestionnaireAsync(this HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/v1/institutions/questionnaire");

    /// <summary>Answers the current questionnaire: every condition met except <paramref name="failed"/>, each with its rectification.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, params string[] failed)
    {
        var questionnaire = await client.CurrentQuestionnaireAsync();
        return await client.SubmitAsync(questionnaire.GetProperty("version").GetInt32(), questionnaire, failed);
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, int version, JsonElement questionnaire, params string[] failed)
    {
        var answers = questionnaire.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()!).Select(key =>
            failed.Contains(key) ? new { key, met = false, note = $"{key} 整改：本月底前补齐。" } : new { key, met = true, note = "" }).ToList();
        return client.PostAsJsonAsync("/api/v1/institutions/self-checks", new { version, answers });
    }

    public static async Task<JsonElement> OkJsonAsync(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A Shenzhen training institution with an account (the demo's institutions are in Guangzhou), signed in.</summary>
    public static async Task<(Guid Id, HttpClient Client)> ShenzhenInstitutionAsync(this CertGuardApp app)
    {
        const string userName = "sz.training.institutions";
        const string password = "Shenzhen-Training-2026!";
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            if (await users.FindByNameAsync(userName) is { OrganisationId: { } existing })
            {
                id = existing;
            }
            else
            {
                var institution = new Organisation(ShenzhenTraining, Role.TrainingInstitution.Id, LogArrangement.Shenzhen);
                await using (var db = app.SystemDb())
                {
                    db.Organisations.Add(institution);
                    await db.SaveChangesAsync();
                }
                var account = new Account
                {
                    UserName = userName, DisplayName = ShenzhenTraining, RoleId = Role.TrainingInstitution.Id, RegionCode = LogArrangement.Shenzhen,
                    OrganisationId = institution.Id,
                };
                Assert.True((await users.CreateAsync(account, password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(account, Role.TrainingInstitution.Id)).Succeeded);
                id = institution.Id;
            }
        }
        return (id, await app.SignedInClientAsync(userName, password));
    }

    /// <summary>The institutions an account's list shows, by id.</summary>
    public static async Task<Dictionary<Guid, JsonElement>> InstitutionListAsync(this HttpClient client, string? city = null)
    {
        var results = await (await client.GetAsync("/api/v1/institutions" + (city is null ? "" : $"?city={city}"))).OkJsonAsync();
        return results.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());
    }
}
