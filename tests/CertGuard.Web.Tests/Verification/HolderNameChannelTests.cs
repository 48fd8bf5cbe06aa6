using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Holders;
using CertGuard.Core.Organisations;
using CertGuard.Core.Registry.Import;
using CertGuard.Core.Verification;
using CertGuard.Data.Accounts;
using CertGuard.Testing;
using CertGuard.Web.Tests.Employers;
using CertGuard.Web.Tests.Import;
using CertGuard.Web.Tests.Verification.PublicQuery;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Verification;

/// <summary>
/// One holder-name rule through the real APIs: the public query, a roster upload and the check at review agree on
/// every name pair; the certificate of 艾力·买买提 imported by an issuing authority is found whichever dot is typed.
/// </summary>
public abstract class HolderNameChannelTests(PublicQueryApp app)
{
    private const string Registered = "艾力·买买提";

    [Fact]
    public async Task An_imported_certificate_of_a_transcribed_name_is_genuine_and_valid_in_every_channel_whichever_dot_is_typed()
    {
        var holder = app.NewHolder();
        var lines = await ImportFiles.SampleAsync(app, 1, seed: 1010, city: RosterArrangement.Guangzhou);
        var from = app.Today().AddYears(-1);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (column, value) in new (ImportColumn, string)[]
                 {
                     (ImportColumn.Number, holder.Value), (ImportColumn.Name, Registered), (ImportColumn.Sex, holder.Sex == Sex.Male ? "男" : "女"),
                     (ImportColumn.Category, "电工作业"), (ImportColumn.Item, "1.1"), (ImportColumn.FirstIssuedOn, Day(from)), (ImportColumn.ValidFrom, Day(from)),
                     (ImportColumn.ValidTo, Day(from.AddYears(6).AddDays(-1))), (ImportColumn.NextReviewDue, ""), (ImportColumn.Status, ""),
                     (ImportColumn.StatusDate, ""), (ImportColumn.StatusReason, ""),
                 })
            ImportFiles.Set(lines, 2, column, value);
        var imported = await ImportFiles.PostAsync(app.ApiClient(Role.IssuingAuthority.Id), ImportFiles.Utf8(lines), "registry.csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        string[] typed = ["艾力.买买提", "艾力∙买买提", "艾力买买提"];
        var employer = await app.NewEmployerAsync();
        foreach (var name in typed)
        {
            var query = await app.Client().GetFromJsonAsync<JsonElement>(PublicQueryAnswerTests.Url(holder.Value, name));
            Assert.True(query.GetProperty("found").GetBoolean(), name);
            Assert.Equal("Valid", query.GetProperty("certificates")[0].GetProperty("state").GetString());

            var roster = await employer.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header, $"{name},{holder.Value},"]));
            Assert.Equal("valid", roster.ByRow()[2].Verdict());

            var review = await ReviewAsync(app.ApiClient(Role.TrainingInstitution.Id), holder.Value, name, "1.1");
            Assert.Equal("not-yet-due", review.GetProperty("verdict").GetString());
        }
    }

    /// <summary>(registered, typed, the same person?): the documented rule (docs/public-query.md, "Names").</summary>
    public static TheoryData<string, string, bool> Pairs => new()
    {
        { "艾力·买买提", "艾力.买买提", true },
        { "艾力·买买提", "艾力∙买买提", true },
        { "艾力·买买提", "艾力•买买提", true },
        { "艾力·买买提", "艾力．买买提", true },
        { "艾力·买买提", "艾力买买提", true },
        { "JOHN SMITH", "ｊｏｈｎ smith", true },
        { "张三", "张\u3000三", true },
        { "艾力·买买提", "艾力·买买", false },
        { "张三", "张三丰", false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task A_name_pair_gets_the_same_verdict_from_the_public_query_the_roster_and_the_review_check(string registered, string typed, bool same)
    {
        var certificate = await app.IssueOneAsync("1.1", name: registered);
        var employer = await app.NewEmployerAsync();

        var query = await app.Client().GetFromJsonAsync<JsonElement>(PublicQueryAnswerTests.Url(certificate.Number, typed));
        var roster = (await employer.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header, $"{typed},{certificate.Number},"]))).ByRow()[2].Verdict();
        var review = (await ReviewAsync(app.ApiClient(Role.TrainingInstitution.Id), certificate.Number, typed, "1.1")).GetProperty("verdict").GetString();

        Assert.Equal(
            [same, same, same],
            new[] { query.GetProperty("found").GetBoolean(), roster == "valid", review != "name-mismatch" });
        Assert.Equal(same ? "valid" : "name-mismatch", roster);
    }

    [Fact]
    public async Task Past_the_per_number_limit_a_roster_row_of_that_number_is_withheld_even_under_the_right_name()
    {
        var certificate = await app.IssueOneAsync("1.1", name: "王五");
        var employer = await app.NewEmployerAsync();
        byte[] Row(string name) => ImportFiles.Utf8([RosterArrangement.Header, $"{name},{certificate.Number},"]);

        for (var i = 0; i < 3; i++)
            Assert.Equal("name-mismatch", (await employer.CheckAsync(Row("赵" + "甲乙丙"[i]))).ByRow()[2].Verdict());
        var guess = (await employer.CheckAsync(Row("赵丁"))).ByRow()[2];
        var right = (await employer.CheckAsync(Row("王五"))).ByRow()[2];

        Assert.Equal(("withheld", "withheld"), (guess.Verdict(), right.Verdict()));
        Assert.True(Http.HasChinese(guess.Reason()));
        Assert.DoesNotContain("王五", right.Reason(), StringComparison.Ordinal);
        // Another employer is not limited by this one's misses.
        var other = await app.NewEmployerAsync();
        Assert.Equal("valid", (await other.CheckAsync(Row("王五"))).ByRow()[2].Verdict());
    }

    [Fact]
    public async Task Past_the_hourly_limit_misses_are_not_told_apart_and_the_volume_raises_a_signal()
    {
        var employer = await app.NewEmployerAsync();
        var unknown = Enumerable.Range(0, 201).Select(_ => app.NewHolder().Value).ToList();
        var lines = new List<string> { RosterArrangement.Header };
        lines.AddRange(unknown.Select((n, i) => $"某人{"甲乙丙丁戊"[i % 5]},{n},"));

        var rows = (await employer.CheckAsync(ImportFiles.Utf8(lines))).ByRow();

        Assert.All(Enumerable.Range(2, 200), r => Assert.Equal("not-found", rows[r].Verdict()));
        Assert.Equal("withheld", rows[202].Verdict());
        var valid = await app.IssueOneAsync("1.1", name: "李雷");
        var next = (await employer.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header, $"韩梅,{app.NewHolder().Value},", $"李雷,{valid.Number},"]))).ByRow();
        Assert.Equal(("withheld", "valid"), (next[2].Verdict(), next[3].Verdict()));

        await app.LogStoredAsync();
        await using var db = app.SystemDb();
        // The log keeps the truth for the signal rules; the employer's misses open one signal in its city.
        Assert.Equal(202, await db.VerificationLog.CountAsync(r => r.OrganisationId == employer.Id && r.Outcome == VerificationOutcome.NotFound));
        var signal = await db.Signals.AsNoTracking().SingleAsync(s => s.Kind == SignalKind.OrganisationMisses && s.Subject == employer.Name);
        Assert.Equal(RosterArrangement.Guangzhou, signal.RegionCode);
        Assert.True(signal.Count >= 100);
    }

    [Fact]
    public async Task The_review_check_refuses_with_429_past_the_per_number_and_the_hourly_limits()
    {
        var (institution, client) = await NewInstitutionAsync();
        var certificate = await app.IssueOneAsync("1.1", name: "孙七");
        for (var i = 0; i < 3; i++)
            Assert.Equal("name-mismatch", (await ReviewAsync(client, certificate.Number, "钱" + "甲乙丙"[i], "1.1")).GetProperty("verdict").GetString());

        foreach (var name in new[] { "钱丁", "孙七" })
        {
            var refused = await client.PostAsJsonAsync("/api/v1/institutions/review-checks", new { number = certificate.Number, name, itemCode = "1.1" });
            var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "NAME-CHECK-NUMBER-LIMITED");
            Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
            Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString(), CultureInfo.InvariantCulture) > 0);
        }

        // 200 misses within the hour (as the log holds them): any further check is refused until the hour has passed.
        await using (var db = app.SystemDb())
        {
            var now = app.Clock().GetUtcNow();
            db.VerificationLog.AddRange(Enumerable.Range(0, 200).Select(i =>
                new VerificationRecord(now.AddMinutes(-30), VerificationChannel.ReviewCheck, VerificationOutcome.NotFound, app.NewHolder().Value)
                {
                    OrganisationId = institution,
                }));
            await db.SaveChangesAsync();
        }
        var other = await app.IssueOneAsync("1.1", name: "周八");
        var hourly = await client.PostAsJsonAsync("/api/v1/institutions/review-checks", new { number = other.Number, name = "周八", itemCode = "1.1" });
        await hourly.AssertProblemAsync(HttpStatusCode.TooManyRequests, "NAME-CHECK-LIMITED");
        var seconds = int.Parse(hourly.Headers.RetryAfter!.ToString(), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 30 * 60 + 1);
    }

    private static async Task<JsonElement> ReviewAsync(HttpClient client, string number, string name, string itemCode)
    {
        var response = await client.PostAsJsonAsync("/api/v1/institutions/review-checks", new { number, name, itemCode });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int _institutions;

    /// <summary>A training institution of the test's own (its limits are its own), with an API key.</summary>
    private async Task<(Guid Id, HttpClient Client)> NewInstitutionAsync()
    {
        var n = Interlocked.Increment(ref _institutions);
        var institution = new Organisation($"测试培训机构{n}{Guid.NewGuid():N}"[..16], Role.TrainingInstitution.Id, RosterArrangement.Guangzhou);
        await using (var db = app.SystemDb())
        {
            db.Organisations.Add(institution);
            await db.SaveChangesAsync();
        }
        string accountId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = new Account
            {
                UserName = $"train.{institution.Id:N}"[..20], DisplayName = institution.Name, RoleId = Role.TrainingInstitution.Id,
                RegionCode = RosterArrangement.Guangzhou, OrganisationId = institution.Id, EmailConfirmed = true,
            };
            Assert.True((await users.CreateAsync(account, "Training-Test-2026!")).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, Role.TrainingInstitution.Id)).Succeeded);
            accountId = account.Id;
        }
        var (key, text) = ApiKey.Create("测试密钥", institution.Id, accountId, app.Clock().GetUtcNow());
        await using (var db = app.SystemDb())
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
        }
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", text);
        return (institution.Id, client);
    }
}

[Collection(SqlitePublicQueryCollection.Name)]
public sealed class SqliteHolderNameChannelTests(SqlitePublicQueryApp app) : HolderNameChannelTests(app);

[Collection(PostgresPublicQueryCollection.Name)]
public sealed class PostgresHolderNameChannelTests(PostgresPublicQueryApp app) : HolderNameChannelTests(app);
