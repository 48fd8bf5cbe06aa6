using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.TypicalCases;
using CertGuard.Data.Accounts;
using CertGuard.Data.Campaigns;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Enforcement;

/// <summary>
/// Typical cases (典型案例): drafted from a closed case with personal data already removed, refused while a full ID
/// number is in it, approved by the city office then the province office, then on the public page and in the Atom
/// feed for anyone, withdrawn with who and why, and counted as indicator 42 exactly as its records list.
/// </summary>
public abstract partial class TypicalCasesTests(CertGuardApp app)
{
    private const string FullId = "440106199001011234";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task A_draft_with_a_full_ID_number_is_refused_and_once_cleaned_is_published_on_the_page_and_in_the_feed()
    {
        var inspector = app.Inspector();
        var office = app.ApiClient(Role.CityOffice.Id);
        var province = app.ApiClient(Role.ProvinceOffice.Id);

        // Prefilled from a closed case: date, city, what happened, the penalty; nothing the filter would refuse.
        var draft = await inspector.PostAsJsonAsync("/api/v1/typical-cases", new { caseId = await ClosedCaseAsync() }).OkAsync(HttpStatusCode.Created);
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        Assert.Equal("广州市", draft.GetProperty("city").GetString());
        Assert.Contains("广州市", draft.GetProperty("facts").GetString());
        Assert.Contains("罚款", draft.GetProperty("penalty").GetString());
        Assert.Empty(PersonalDataFilter.Find($"{draft.GetProperty("title")}{draft.GetProperty("facts")}{draft.GetProperty("penalty")}", []));

        // The draft's page shows the form to the officer.
        var draftPage = await (await app.SignedInClientAsync(Role.Inspector.Id)).GetStringAsync($"/typical-cases/desk/{draft.Id()}");
        Assert.Contains("data-testid=\"typical-submit\"", draftPage);

        // A full ID number in the draft: saved as a draft, refused at submission, the number never echoed.
        var id = draft.Id();
        var dirty = await inspector.PutAsJsonAsync($"/api/v1/typical-cases/{id}", new
        {
            version = draft.Version(), title = "持伪造证书上岗案", facts = $"陈某（身份证号{FullId}）持伪造的特种作业操作证从事电工作业。", penalty = "警告并罚款2000元。",
        }).OkAsync();
        var refused = await (await inspector.PostAsJsonAsync($"/api/v1/typical-cases/{id}/submission", new { version = dirty.Version() }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "PUBLICATION-PERSONAL-DATA");
        var message = refused.GetRawText();
        Assert.Contains("身份证号码", message);
        Assert.DoesNotContain(FullId, message);

        // Cleaned: the city office then the province office approve; nobody else approves, and not out of turn.
        var clean = await inspector.PutAsJsonAsync($"/api/v1/typical-cases/{id}", new
        {
            version = dirty.Version(), title = "持伪造证书上岗案", facts = "陈某持伪造的特种作业操作证从事电工作业，被执法人员当场查获。", penalty = "警告并罚款2000元。",
        }).OkAsync();
        var submitted = await inspector.PostAsJsonAsync($"/api/v1/typical-cases/{id}/submission", new { version = clean.Version() }).OkAsync();
        Assert.Equal("AwaitingCity", submitted.GetProperty("state").GetString());
        await (await inspector.PostAsJsonAsync($"/api/v1/typical-cases/{id}/approval", new { version = submitted.Version() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "TYPICAL-CASE-APPROVE-FORBIDDEN");
        await (await province.PostAsJsonAsync($"/api/v1/typical-cases/{id}/approval", new { version = submitted.Version() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "TYPICAL-CASE-WRONG-STATE");
        var cityApproved = await office.PostAsJsonAsync($"/api/v1/typical-cases/{id}/approval", new { version = submitted.Version() }).OkAsync();
        Assert.Equal("AwaitingProvince", cityApproved.GetProperty("state").GetString());
        var published = await province.PostAsJsonAsync($"/api/v1/typical-cases/{id}/approval", new { version = cityApproved.Version() }).OkAsync();
        Assert.Equal("Published", published.GetProperty("state").GetString());

        // Anyone reads it: the page (no personal data patterns), the feed (valid Atom) and the public API.
        var visitor = app.CreateClient();
        var page = await visitor.GetAsync("/typical-cases");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"case-{id}\"", html);
        Assert.Contains("陈某持伪造的特种作业操作证从事电工作业", html);
        Assert.DoesNotMatch(LongNumber(), html);
        var entry = await FeedEntryAsync(visitor, id);
        Assert.NotNull(entry);
        Assert.Equal("持伪造证书上岗案", entry.Element(Atom + "title")?.Value);
        Assert.Contains("处罚结果：警告并罚款2000元。", entry.Element(Atom + "content")?.Value);
        Assert.Contains((await visitor.GetFromJsonAsync<JsonElement>("/api/v1/public/typical-cases")).EnumerateArray(), t => t.Id() == id);

        // Withdrawn with who and why: gone from the page and the feed.
        await (await office.PostAsJsonAsync($"/api/v1/typical-cases/{id}/withdrawal", new { version = published.Version(), reason = " " }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "TYPICAL-CASE-REASON-REQUIRED");
        var withdrawn = await office.PostAsJsonAsync($"/api/v1/typical-cases/{id}/withdrawal", new { version = published.Version(), reason = "当事人申请行政复议，暂缓公开" }).OkAsync();
        Assert.Equal("Withdrawn", withdrawn.GetProperty("state").GetString());
        Assert.Equal("当事人申请行政复议，暂缓公开", withdrawn.GetProperty("withdrawalReason").GetString());
        Assert.False(string.IsNullOrEmpty(withdrawn.GetProperty("withdrawnBy").GetString()));
        Assert.DoesNotContain($"id=\"case-{id}\"", await visitor.GetStringAsync("/typical-cases"));
        Assert.Null(await FeedEntryAsync(visitor, id));

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(TypicalCase) && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Only_officers_draft_and_only_from_a_closed_case()
    {
        Guid open;
        await using (var db = app.SystemDb())
            open = await db.EnforcementCases.Where(c => c.RegionCode == CaseArrangement.Guangzhou && c.Stage != CaseStage.Closed).Select(c => c.Id).FirstAsync();

        await (await app.Inspector().PostAsJsonAsync("/api/v1/typical-cases", new { caseId = open }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "TYPICAL-CASE-CASE-NOT-CLOSED");
        await (await app.ApiClient(Role.CityOffice.Id).PostAsJsonAsync("/api/v1/typical-cases", new { caseId = await ClosedCaseAsync() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "TYPICAL-CASE-DRAFT-FORBIDDEN");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(Role.Police.Id).GetAsync("/api/v1/typical-cases")).StatusCode);
    }

    [Fact]
    public async Task The_demo_publishes_three_cases_and_indicator_42_counts_them_as_its_records_list()
    {
        var visitor = app.CreateClient();
        var feed = XDocument.Parse(await visitor.GetStringAsync("/typical-cases/feed.atom"));
        Assert.Equal(Atom + "feed", feed.Root!.Name);
        Assert.NotNull(feed.Root.Element(Atom + "id"));
        Assert.True(DateTimeOffset.TryParse(feed.Root.Element(Atom + "updated")?.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.True(feed.Root.Elements(Atom + "entry").Count() >= 3);
        Assert.All(feed.Root.Elements(Atom + "entry"), e =>
        {
            Assert.StartsWith("tag:", e.Element(Atom + "id")?.Value, StringComparison.Ordinal);
            Assert.NotNull(e.Element(Atom + "updated"));
            Assert.NotNull(e.Element(Atom + "title"));
        });

        var now = app.Clock().GetUtcNow();
        var window = new IndicatorWindow(now.AddDays(-60), now.AddDays(1));
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(SystemActor.Job("test"));
        var calculator = scope.ServiceProvider.GetRequiredService<StatisticsCalculator>();
        var figures = await calculator.ComputeAsync(window, CancellationToken.None);
        var total = 0m;
        foreach (var (city, values) in figures)
        {
            var records = await calculator.ListAsync("42", city, window, CancellationToken.None)!;
            Assert.Equal(records.Count, values["42"]);
            total += records.Count;
        }
        Assert.True(total >= 3, $"published in the window: {total}");
    }

    private async Task<Guid> ClosedCaseAsync()
    {
        await using var db = app.SystemDb();
        return await db.EnforcementCases.Where(c => c.RegionCode == CaseArrangement.Guangzhou && c.Stage == CaseStage.Closed).Select(c => c.Id).FirstAsync();
    }

    private static async Task<XElement?> FeedEntryAsync(HttpClient visitor, Guid id)
    {
        var response = await visitor.GetAsync("/typical-cases/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return feed.Root!.Elements(Atom + "entry").SingleOrDefault(e => e.Element(Atom + "id")!.Value.EndsWith(id.ToString(), StringComparison.Ordinal));
    }

    // An ID number (18 digits, or 17 and X) or a mobile number anywhere in the page.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{17}[\dXx]|1[3-9]\d{9})(?![0-9A-Za-z])")]
    private static partial Regex LongNumber();
}

public sealed class SqliteTypicalCasesTests(SqliteApp app) : TypicalCasesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTypicalCasesTests(PostgresApp app) : TypicalCasesTests(app), IClassFixture<PostgresApp>;
