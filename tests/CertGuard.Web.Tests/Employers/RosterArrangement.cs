using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Holders;
using CertGuard.Core.Organisations;
using CertGuard.Data.Accounts;
using CertGuard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Employers;

/// <summary>An approved employer of a test's own: its account, and a client acting with its API key.</summary>
internal sealed record TestEmployer(Guid Id, string Name, string UserName, string Password, HttpClient Api);

/// <summary>
/// Employers and certificates of each test's own (so one test's roster never meets another's), and roster files as
/// an employer writes them: the header 姓名,证件号码,岗位 and one worker per line.
/// </summary>
internal static class RosterArrangement
{
    public const string Guangzhou = "440100";
    public const string Shenzhen = "440300";
    public const string Header = "姓名,证件号码,岗位";

    private static int _employers;
    private static int _holders;

    /// <summary>A unified social credit code with a correct check character, unique per call.</summary>
    public static string NewCreditCode(string city = Guangzhou)
    {
        var n = Interlocked.Increment(ref _employers);
        var first17 = $"91{city[..4]}00MA{n:D7}";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    /// <summary>An approved employer with an account and an API key, as the city office would register it.</summary>
    public static async Task<TestEmployer> NewEmployerAsync(this CertGuardApp app, string city = Guangzhou, string? name = null)
    {
        var code = NewCreditCode(city);
        var userName = $"emp.{code[^8..].ToLowerInvariant()}";
        const string password = "Employer-Test-2026!";
        name ??= $"测试用人单位{code[^6..]}有限公司";
        var details = new EmployerDetails(name, code, city, "建筑", "张主管", "020-12345678");
        details.Validate();
        var organisation = Organisation.RegisterEmployer(details, byOffice: true, "test", app.Clock().GetUtcNow());
        await using (var db = app.SystemDb())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }
        string accountId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = new Account
            {
                UserName = userName, DisplayName = name, RoleId = Role.Employer.Id, RegionCode = city, OrganisationId = organisation.Id,
                EmailConfirmed = true, LockoutEnabled = true,
            };
            Assert.True((await users.CreateAsync(account, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, Role.Employer.Id)).Succeeded);
            accountId = account.Id;
        }
        var (key, text) = ApiKey.Create("测试密钥", organisation.Id, accountId, app.Clock().GetUtcNow());
        await using (var db = app.SystemDb())
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
        }
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", text);
        return new TestEmployer(organisation.Id, name, userName, password, client);
    }

    /// <summary>A resident ID number no other certificate has (division 440104, birth dates from 1975).</summary>
    public static ResidentIdNumber NewHolder(this CertGuardApp app)
    {
        var n = Interlocked.Increment(ref _holders);
        var first17 = "440104" + new DateOnly(1975, 1, 1).AddDays(n).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (700 + n % 100).ToString("000", CultureInfo.InvariantCulture);
        return ResidentIdNumber.Parse(first17 + ResidentIdNumber.ComputeCheckCharacter(first17), app.Today());
    }

    /// <summary>Issues certificates as the city's authority would; <paramref name="yearsAgo"/> sets their age.</summary>
    public static async Task<List<Certificate>> IssueAsync(this CertGuardApp app, int count, string item = "1.1", double yearsAgo = 0.5,
        string city = Guangzhou, ResidentIdNumber? holder = null, string? name = null, bool revoke = false)
    {
        var today = app.Today();
        var issuedOn = today.AddDays(-(int)(yearsAgo * 365.25));
        await using var db = app.SystemDb();
        var authority = await db.Organisations.Where(o => o.Kind == Role.IssuingAuthority.Id && o.RegionCode == city).Select(o => o.Id).FirstAsync();
        var certificates = new List<Certificate>();
        for (var i = 0; i < count; i++)
        {
            var who = holder ?? app.NewHolder();
            var certificate = Certificate.Issue(new IssueRequest(who, name ?? WorkerName(who), item, issuedOn, city, authority, null, "test"), app.Rules(), app.Clock());
            if (revoke) certificate.Revoke(RevocationReason.PhysicallyUnfit, today, "test", app.Rules(), app.Clock());
            certificates.Add(certificate);
        }
        db.Certificates.AddRange(certificates);
        await db.SaveChangesAsync();
        return certificates;
    }

    /// <summary>A name of the holder's own (the last four digits of the number as Chinese numerals: names hold no digits).</summary>
    public static string WorkerName(ResidentIdNumber holder) => "职工" + string.Concat(holder.Value[^4..].Select(c => "零一二三四五六七八九X"[c == 'X' ? 10 : c - '0']));

    public static async Task<Certificate> IssueOneAsync(this CertGuardApp app, string item = "1.1", double yearsAgo = 0.5, bool revoke = false,
        ResidentIdNumber? holder = null, string? name = null) =>
        (await app.IssueAsync(1, item, yearsAgo, holder: holder, name: name, revoke: revoke))[0];

    /// <summary>A roster line for a certificate's holder.</summary>
    public static string Line(Certificate c, string position = "") => $"{c.HolderName},{c.Number},{position}";

    /// <summary>Defines a position through the API.</summary>
    public static async Task DefineAsync(this TestEmployer employer, string name, params string[] items)
    {
        var response = await employer.Api.PostAsJsonAsync("/api/v1/positions", new { name, items });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Uploads a roster file to POST /api/v1/roster/checks (multipart field <c>file</c>).</summary>
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] file, string fileName = "名册.csv")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        content.Add(part, "file", fileName);
        return client.PostAsync("/api/v1/roster/checks", content);
    }

    public static async Task<JsonElement> CheckAsync(this TestEmployer employer, byte[] file, string fileName = "名册.csv")
    {
        var response = await employer.Api.UploadAsync(file, fileName);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The results by row number.</summary>
    public static Dictionary<int, JsonElement> ByRow(this JsonElement check) =>
        check.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32());

    public static string Verdict(this JsonElement row) => row.GetProperty("verdict").GetString()!;

    public static string Reason(this JsonElement row) => row.GetProperty("reason").GetString()!;
}
