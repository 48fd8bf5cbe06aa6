using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Reminders;

/// <summary>
/// Review reminders: the reviews falling due in the next 60 days and the overdue ones, per city for the authority and
/// the city office, per employer for employers, province-wide for the province office; sorted by due date.
/// </summary>
public abstract class ReviewRemindersTests(CertGuardApp app) : IAsyncLifetime
{
    private const string Guangzhou = "440100";
    private const string Shenzhen = "440300";
    private const string Path = "/api/v1/reminders/reviews";

    private Guid _employer;
    private Certificate _dueIn10 = null!, _dueIn50 = null!, _dueIn90 = null!, _overdue5 = null!, _markedInvalid = null!, _shenzhenDueIn20 = null!;

    public async Task InitializeAsync()
    {
        _employer = await app.OrganisationOfAsync(Role.Employer.Id);
        _dueIn10 = await app.IssueDueAsync(Guangzhou, 10, _employer);
        _dueIn50 = await app.IssueDueAsync(Guangzhou, 50);
        _dueIn90 = await app.IssueDueAsync(Guangzhou, 90, _employer);
        _overdue5 = await app.IssueDueAsync(Guangzhou, -5, _employer);
        _markedInvalid = await app.IssueDueAsync(Guangzhou, -40, markInvalid: true);
        _shenzhenDueIn20 = await app.IssueDueAsync(Shenzhen, 20);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Issuing_authority_sees_its_citys_reviews_due_in_60_days_and_the_overdue_ones_by_due_date()
    {
        var body = await GetAsync(Role.IssuingAuthority, "?pageSize=200");

        var items = Items(body);
        Assert.All(items, i => Assert.Equal(Guangzhou, i.GetProperty("regionCode").GetString()));
        var ids = Ids(items);
        Assert.Contains(_dueIn10.Id, ids);
        Assert.Contains(_dueIn50.Id, ids);
        Assert.Contains(_overdue5.Id, ids);
        Assert.Contains(_markedInvalid.Id, ids);
        Assert.DoesNotContain(_dueIn90.Id, ids);
        Assert.DoesNotContain(_shenzhenDueIn20.Id, ids);
        var due = items.Select(i => i.GetProperty("nextReviewDue").GetString()!).ToList();
        Assert.Equal(due.Order(StringComparer.Ordinal), due);
        Assert.Equal(60, body.GetProperty("days").GetInt32());

        var expected = await ExpectedAsync(c => c.RegionCode == Guangzhou, 60);
        Assert.Equal(expected.Order(), ids.Order());
        Assert.Equal(expected.Count, body.GetProperty("total").GetInt32());
        Assert.Equal(expected.Count, body.GetProperty("dueCount").GetInt32() + body.GetProperty("overdueCount").GetInt32());

        var item10 = items.Single(i => i.GetProperty("id").GetGuid() == _dueIn10.Id);
        Assert.Equal((10, "due"), (item10.GetProperty("daysLeft").GetInt32(), item10.GetProperty("kind").GetString()));
        Assert.Equal("广州粤安建设工程有限公司", item10.GetProperty("employerName").GetString());
        Assert.Contains("*", item10.GetProperty("maskedNumber").GetString());
        var item5 = items.Single(i => i.GetProperty("id").GetGuid() == _overdue5.Id);
        Assert.Equal((-5, "overdue", "ReviewOverdue"), (item5.GetProperty("daysLeft").GetInt32(), item5.GetProperty("kind").GetString(), item5.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Window_kind_and_sort_change_the_list_as_asked()
    {
        var wide = Ids(Items(await GetAsync(Role.IssuingAuthority, "?days=180&pageSize=200")));
        Assert.Contains(_dueIn90.Id, wide);
        Assert.Equal((await ExpectedAsync(c => c.RegionCode == Guangzhou, 180)).Order(), wide.Order());

        var dueOnly = Items(await GetAsync(Role.IssuingAuthority, "?kind=due&pageSize=200"));
        Assert.All(dueOnly, i => Assert.Equal("due", i.GetProperty("kind").GetString()));
        Assert.Contains(_dueIn10.Id, Ids(dueOnly));
        var overdueOnly = Items(await GetAsync(Role.IssuingAuthority, "?kind=overdue&pageSize=200"));
        Assert.All(overdueOnly, i => Assert.Equal("overdue", i.GetProperty("kind").GetString()));
        Assert.Contains(_markedInvalid.Id, Ids(overdueOnly));

        var descending = await GetAsync(Role.IssuingAuthority, "?sort=-due&pageSize=200");
        var dates = Items(descending).Select(i => i.GetProperty("nextReviewDue").GetString()!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal("-due", descending.GetProperty("sort").GetString());

        var page2 = await GetAsync(Role.IssuingAuthority, "?pageSize=2&page=2");
        Assert.Equal(Ids(Items(await GetAsync(Role.IssuingAuthority, "?pageSize=200"))).Skip(2).Take(2), Ids(Items(page2)));
    }

    [Fact]
    public async Task City_office_sees_the_same_city_and_the_province_office_every_city()
    {
        var office = await GetAsync(Role.CityOffice, "?pageSize=200");
        Assert.Equal((await ExpectedAsync(c => c.RegionCode == Guangzhou, 60)).Order(), Ids(Items(office)).Order());

        var province = await GetAsync(Role.ProvinceOffice, "?pageSize=200");
        Assert.Contains(_shenzhenDueIn20.Id, Ids(Items(province)));
        Assert.Equal((await ExpectedAsync(_ => true, 60)).Count, province.GetProperty("total").GetInt32());

        var shenzhen = Items(await GetAsync(Role.ProvinceOffice, $"?city={Shenzhen}&pageSize=200"));
        Assert.All(shenzhen, i => Assert.Equal(Shenzhen, i.GetProperty("regionCode").GetString()));
        Assert.Equal((await ExpectedAsync(c => c.RegionCode == Shenzhen, 60)).Order(), Ids(shenzhen).Order());

        // A city account asking for another city gets nothing more.
        Assert.Empty(Items(await GetAsync(Role.IssuingAuthority, $"?city={Shenzhen}")));
    }

    [Fact]
    public async Task Employer_sees_its_own_workers_only_and_an_authority_can_filter_by_employer()
    {
        var own = Items(await GetAsync(Role.Employer, "?pageSize=200"));
        Assert.All(own, i => Assert.Equal(_employer, i.GetProperty("employerId").GetGuid()));
        Assert.Equal((await ExpectedAsync(c => c.EmployerId == _employer, 60)).Order(), Ids(own).Order());
        Assert.Contains(_overdue5.Id, Ids(own));
        Assert.DoesNotContain(_dueIn50.Id, Ids(own));

        var filtered = Items(await GetAsync(Role.IssuingAuthority, $"?employer={_employer}&pageSize=200"));
        Assert.Equal((await ExpectedAsync(c => c.EmployerId == _employer && c.RegionCode == Guangzhou, 60)).Order(), Ids(filtered).Order());

        await using var db = app.SystemDb();
        var creditCode = await db.Organisations.Where(o => o.Id == _employer).Select(o => o.CreditCode).SingleAsync();
        Assert.Equal(Ids(filtered).Order(), Ids(Items(await GetAsync(Role.IssuingAuthority, $"?employer={creditCode}&pageSize=200"))).Order());

        var other = await db.Organisations.Where(o => o.Kind == Role.Employer.Id && o.Id != _employer).Select(o => o.Id).FirstAsync();
        Assert.Empty(Items(await GetAsync(Role.Employer, $"?employer={other}")));
    }

    [Fact]
    public async Task Roles_without_reminders_are_refused()
    {
        foreach (var role in new[] { Role.Police, Role.ExamCentre, Role.MarketRegulation, Role.NationalExchange })
            await (await app.ApiClient(role.Id).GetAsync(Path)).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await app.CreateClient().GetAsync(Path)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Theory]
    [InlineData("?days=0", "REMINDERS-DAYS")]
    [InlineData("?days=400", "REMINDERS-DAYS")]
    [InlineData("?kind=soon", "REMINDERS-KIND")]
    [InlineData("?sort=name", "REMINDERS-SORT")]
    [InlineData("?employer=acme", "REMINDERS-EMPLOYER")]
    public async Task Malformed_filters_are_problems_with_a_code(string query, string code)
    {
        var problem = await (await app.ApiClient(Role.IssuingAuthority.Id).GetAsync(Path + query)).AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Reminders_page_lists_the_citys_reminders_and_is_closed_to_other_roles()
    {
        var authority = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        var html = await authority.GetStringAsync("/registry/reminders?kind=due");
        Assert.Contains("复审提醒", html);
        Assert.Contains(_dueIn10.HolderName, html);
        Assert.DoesNotContain(_shenzhenDueIn20.HolderName, html);
        Assert.Contains("href=\"/registry/reminders\"", html);
        Assert.Contains("广州粤安建设工程有限公司", html);
        var overdue = await authority.GetStringAsync("/registry/reminders?kind=overdue&sort=-due");
        Assert.Contains(_overdue5.HolderName, overdue);
        Assert.DoesNotContain(_dueIn10.HolderName, overdue);

        var employer = await app.SignedInClientAsync(Role.Employer.Id);
        var own = await employer.GetStringAsync("/registry/reminders?kind=due");
        Assert.Contains(_dueIn10.HolderName, own);
        Assert.DoesNotContain(_dueIn50.HolderName, own);
        Assert.DoesNotContain("name=\"employer\"", own);

        var police = await app.SignedInClientAsync(Role.Police.Id);
        var denied = await police.GetAsync("/registry/reminders");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery);
    }

    private async Task<JsonElement> GetAsync(Role role, string query)
    {
        var response = await app.ApiClient(role.Id).GetAsync(Path + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<JsonElement> Items(JsonElement body) => body.GetProperty("items").EnumerateArray().ToList();

    private static List<Guid> Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetGuid()).ToList();

    private async Task<List<Guid>> ExpectedAsync(Func<Certificate, bool> scope, int days)
    {
        await using var db = app.SystemDb();
        var all = await db.Certificates.AsNoTracking().ToListAsync();
        var today = app.Today();
        return all.Where(scope).Where(c => ReviewArrangement.IsReminder(c, today, days)).Select(c => c.Id).ToList();
    }
}

public sealed class SqliteReviewRemindersTests(SqliteApp app) : ReviewRemindersTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReviewRemindersTests(PostgresApp app) : ReviewRemindersTests(app), IClassFixture<PostgresApp>;
