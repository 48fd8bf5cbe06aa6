using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Registry;

/// <summary>
/// Searching the registry as an officer types: by number in any of its written forms, by name, by category and by
/// state, one page at a time; through the API and the page, which run the same query.
/// </summary>
public abstract class RegistrySearchTests(CertGuardApp app)
{
    [Fact]
    public async Task Exact_number_finds_the_holders_certificates_in_every_written_form()
    {
        var certificate = await AnyCertificateAsync();
        var expected = await CountAsync(c => c.Number == certificate.Number);
        var client = Province();

        foreach (var q in new[] { certificate.Number, "T" + certificate.Number, "t" + certificate.Number, FullWidth(certificate.Number), "Ｔ" + FullWidth(certificate.Number), $"  {certificate.Number}  " })
        {
            var result = await SearchAsync(client, $"q={Uri.EscapeDataString(q)}");
            Assert.Equal(expected, result.GetProperty("total").GetInt32());
            Assert.All(Items(result), i => Assert.Equal(certificate.MaskedNumber, i.GetProperty("maskedNumber").GetString()));
            Assert.Contains(Items(result), i => i.GetProperty("id").GetGuid() == certificate.Id);
        }
    }

    [Fact]
    public async Task Number_with_a_lower_case_x_check_character_is_found()
    {
        await using var db = app.SystemDb();
        // About one number in eleven ends in X; the seeded hundreds always hold some.
        var withX = (await db.Certificates.AsNoTracking().OrderBy(c => c.Id).ToListAsync()).First(c => c.Number[17] == 'X');
        var result = await SearchAsync(Province(), $"q={withX.Number.ToLowerInvariant()}");
        Assert.Contains(Items(result), i => i.GetProperty("id").GetGuid() == withX.Id);
    }

    [Fact]
    public async Task Name_prefix_finds_every_holder_whose_name_starts_with_it()
    {
        var all = await AllCertificatesAsync();
        var surname = all.GroupBy(c => c.HolderName[..1]).OrderByDescending(g => g.Count()).First().Key;
        var holder = all.First(c => c.HolderName.Length >= 2).HolderName;

        foreach (var prefix in new[] { surname, holder })
        {
            var result = await SearchAllPagesAsync(Province(), $"q={Uri.EscapeDataString(prefix)}");
            var expected = all.Where(c => c.HolderName.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c.Id).Order().ToList();
            Assert.Equal(expected, result.Select(i => i.GetProperty("id").GetGuid()).Order().ToList());
        }
    }

    [Fact]
    public async Task Category_filter_returns_exactly_that_categorys_certificates()
    {
        var all = await AllCertificatesAsync();
        var category = all.GroupBy(c => c.CategoryCode).OrderByDescending(g => g.Count()).First().Key;

        var result = await SearchAsync(Province(), $"category={category}&pageSize=100");

        Assert.Equal(all.Count(c => c.CategoryCode == category), result.GetProperty("total").GetInt32());
        Assert.All(Items(result), i => Assert.Equal(category, i.GetProperty("categoryCode").GetString()));
    }

    [Fact]
    public async Task Each_state_filter_returns_only_that_state_and_the_states_add_up_to_the_whole()
    {
        var all = await AllCertificatesAsync();
        var clock = app.Clock();
        var rules = app.Rules();
        var client = Province();
        var unfiltered = (await SearchAsync(client, "pageSize=1")).GetProperty("total").GetInt32();
        Assert.Equal(all.Count, unfiltered);

        var sum = 0;
        foreach (var state in Enum.GetValues<CertificateState>())
        {
            var items = await SearchAllPagesAsync(client, $"status={state}");
            // The SQL date predicate and the in-memory rule agree on every certificate.
            Assert.All(items, i => Assert.Equal(state.ToString(), i.GetProperty("state").GetString()));
            var expected = all.Where(c => c.StateAt(clock, rules) == state).Select(c => c.Id).Order().ToList();
            Assert.Equal(expected, items.Select(i => i.GetProperty("id").GetGuid()).Order().ToList());
            sum += items.Count;
        }
        Assert.Equal(unfiltered, sum);
    }

    [Fact]
    public async Task State_filter_is_case_insensitive()
    {
        var exact = await SearchAsync(Province(), "status=Revoked");
        var lower = await SearchAsync(Province(), "status=revoked");
        Assert.Equal(exact.GetProperty("total").GetInt32(), lower.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("99")]
    [InlineData("-1")]
    public async Task Unknown_state_is_a_400_problem_with_a_Chinese_title(string status)
    {
        var response = await Province().GetAsync($"/api/v1/certificates?status={Uri.EscapeDataString(status)}");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "STATUS-UNKNOWN");
        Assert.Equal("状态参数无效。", problem.GetProperty("title").GetString());
        Assert.Contains("ReviewOverdue", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_of_states_is_refused_rather_than_read_as_another_state()
    {
        // Enum parsing accepts "A,B" as the bitwise OR of the two values: ReviewDue (1) | ReviewOverdue (2) is
        // ReviewFailed (3), so this asks for two states and silently gets a third.
        var response = await Province().GetAsync("/api/v1/certificates?status=ReviewDue,ReviewOverdue");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "STATUS-UNKNOWN");
    }

    [Fact]
    public async Task Next_and_previous_pages_are_disjoint_and_lead_back_and_the_page_size_is_capped_at_100()
    {
        var client = Province();
        var first = await SearchAsync(client, "pageSize=20");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);
        var second = await SearchAsync(client, $"pageSize=20&after={first.GetProperty("next").GetString()}");
        Assert.Equal(20, Items(first).Count);
        Assert.Equal(20, Items(second).Count);
        Assert.Empty(Items(first).Select(Id).Intersect(Items(second).Select(Id)));

        // Back from the second page: exactly the first page again, in the same order, and nothing before it.
        var back = await SearchAsync(client, $"pageSize=20&before={second.GetProperty("previous").GetString()}");
        Assert.Equal(Items(first).Select(Id), Items(back).Select(Id));
        Assert.Equal(JsonValueKind.Null, back.GetProperty("previous").ValueKind);
        Assert.Equal(first.GetProperty("next").GetString(), back.GetProperty("next").GetString());

        var big = await SearchAsync(client, "pageSize=1000");
        Assert.Equal(100, big.GetProperty("pageSize").GetInt32());
        Assert.Equal(100, Items(big).Count);
        var tiny = await SearchAsync(client, "pageSize=0");
        Assert.Equal(1, tiny.GetProperty("pageSize").GetInt32());
        Assert.False(big.GetProperty("totalIsLowerBound").GetBoolean());
    }

    [Fact]
    public async Task Paging_through_all_pages_lists_every_certificate_once_newest_issue_first()
    {
        var all = await AllCertificatesAsync();
        var items = await SearchAllPagesAsync(Province(), "");
        Assert.Equal(all.Select(c => c.Id).Order().ToList(), items.Select(Id).Order().ToList());
        var issued = items.Select(i => all.Single(c => c.Id == Id(i)).ValidFrom).ToList();
        Assert.Equal(issued.OrderDescending(), issued);
    }

    [Fact]
    public async Task Paging_backwards_from_the_last_page_gives_the_same_pages_in_reverse()
    {
        var client = Province();
        var forward = new List<List<Guid>>();
        var page = await SearchAsync(client, "pageSize=37&status=Valid");
        forward.Add(Items(page).Select(Id).ToList());
        while (page.GetProperty("next").GetString() is { } next)
        {
            page = await SearchAsync(client, $"pageSize=37&status=Valid&after={next}");
            forward.Add(Items(page).Select(Id).ToList());
        }
        Assert.True(forward.Count >= 3, $"only {forward.Count} pages of valid certificates");
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);

        var backward = new List<List<Guid>> { Items(page).Select(Id).ToList() };
        while (page.GetProperty("previous").GetString() is { } previous)
        {
            page = await SearchAsync(client, $"pageSize=37&status=Valid&before={previous}");
            backward.Add(Items(page).Select(Id).ToList());
        }
        backward.Reverse();
        Assert.Equal(forward, backward);
        Assert.Equal(forward.Sum(p => p.Count), forward.SelectMany(p => p).Distinct().Count());
    }

    [Fact]
    public async Task Filters_hold_on_every_page_of_a_city_category_search()
    {
        var all = await AllCertificatesAsync();
        var (city, category) = all.GroupBy(c => (c.RegionCode, c.CategoryCode)).OrderByDescending(g => g.Count()).First().Key;
        var items = await SearchAllPagesAsync(Province(), $"city={city}&category={category}", pageSize: 7);
        var expected = all.Where(c => c.RegionCode == city && c.CategoryCode == category).Select(c => c.Id).Order().ToList();
        Assert.True(expected.Count > 7);
        Assert.Equal(expected, items.Select(Id).Order().ToList());
    }

    [Theory]
    [InlineData("after=garbage")]
    [InlineData("before=20240230-0123456789abcdef0123456789abcdef")]
    [InlineData("after=20240101-0123456789abcdef0123456789abcdeg")]
    public async Task A_cursor_that_is_not_ours_is_a_422_refusal_not_the_first_page(string query)
    {
        var response = await Province().GetAsync($"/api/v1/certificates?{query}");
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "REGISTRY-CURSOR-INVALID");
    }

    [Fact]
    public async Task Holder_endpoint_lists_a_holders_certificates_by_printed_number()
    {
        var certificate = await AnyCertificateAsync();
        var list = await Province().GetFromJsonAsync<JsonElement>($"/api/v1/holders/T{certificate.Number}/certificates");
        Assert.Equal(await CountAsync(c => c.Number == certificate.Number), list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), i => Id(i) == certificate.Id);
    }

    [Theory]
    [InlineData("wrong-check", "ID-CHECK")]
    [InlineData("440106900101123", "ID-LEGACY-15")]
    [InlineData("44010619900101", "ID-LENGTH")]
    [InlineData("4401061990010A123X", "ID-CHARACTERS")]
    [InlineData("990106199001011234", "ID-PROVINCE")]
    [InlineData("440106199002301234", "ID-BIRTH-DATE")]
    public async Task Holder_endpoint_refuses_an_invalid_number_with_the_ID_error_code(string number, string code)
    {
        if (number == "wrong-check")
        {
            var valid = (await AnyCertificateAsync()).Number;
            var wrong = valid[17] == '0' ? '1' : '0';
            number = valid[..17] + wrong;
        }
        var response = await Province().GetAsync($"/api/v1/holders/{number}/certificates");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Registry_page_finds_by_number_and_counts_a_state_like_the_api()
    {
        var certificate = await AnyCertificateAsync();
        var client = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var expected = await CountAsync(c => c.Number == certificate.Number);

        var html = await client.GetStringAsync($"/registry?q=T{FullWidth(certificate.Number)}");
        Assert.Contains($"共 {expected} 本证书", html, StringComparison.Ordinal);
        Assert.Contains($"/registry/certificate/{certificate.Id}", html, StringComparison.Ordinal);
        Assert.Contains(certificate.MaskedNumber, html, StringComparison.Ordinal);
        Assert.DoesNotContain(certificate.Number, html, StringComparison.Ordinal);

        var revoked = (await SearchAsync(Province(), "status=Revoked")).GetProperty("total").GetInt32();
        var page = await client.GetStringAsync("/registry?status=Revoked");
        Assert.Contains($"共 {revoked} 本证书", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_page_next_and_previous_links_lead_to_disjoint_pages_and_back()
    {
        var client = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var first = await client.GetStringAsync("/registry?status=Valid");
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        var second = await client.GetStringAsync(Link(first, "next"));
        var one = CertificateLinks(first);
        var two = CertificateLinks(second);
        Assert.Equal(20, one.Count);
        Assert.NotEmpty(two);
        Assert.Empty(one.Intersect(two));
        // The link keeps the search's filters.
        Assert.Contains("status=Valid", Link(first, "next"), StringComparison.Ordinal);

        var back = await client.GetStringAsync(Link(second, "prev"));
        Assert.Equal(one, CertificateLinks(back));
        Assert.Contains("rel=\"first\"", second, StringComparison.Ordinal);
    }

    private static string Link(string html, string rel) => System.Net.WebUtility.HtmlDecode(
        System.Text.RegularExpressions.Regex.Match(html, $"<a href=\"(/registry\\?[^\"]*)\" rel=\"{rel}\">").Groups[1].Value) is { Length: > 0 } link
        ? link : throw new Xunit.Sdk.XunitException($"no rel={rel} link on the page");

    private HttpClient Province() => app.ApiClient(Role.ProvinceOffice.Id);

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/certificates?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Every page, following the next cursors; fails on a page seen twice or a count that disagrees with the total.</summary>
    private static async Task<List<JsonElement>> SearchAllPagesAsync(HttpClient client, string query, int pageSize = 100)
    {
        var items = new List<JsonElement>();
        var result = await SearchAsync(client, $"{query}&pageSize={pageSize}");
        var total = result.GetProperty("total").GetInt32();
        items.AddRange(Items(result));
        while (result.GetProperty("next").GetString() is { } next)
        {
            result = await SearchAsync(client, $"{query}&pageSize={pageSize}&after={next}");
            items.AddRange(Items(result));
            Assert.True(items.Count <= total, "paging went past the total");
        }
        Assert.Equal(total, items.Count);
        Assert.Equal(items.Count, items.Select(Id).Distinct().Count());
        return items;
    }

    private static List<JsonElement> Items(JsonElement result) => result.GetProperty("items").EnumerateArray().ToList();

    private static Guid Id(JsonElement item) => item.GetProperty("id").GetGuid();

    private static List<string> CertificateLinks(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "href=\"/registry/certificate/([0-9a-f-]{36})\" class=\"mono\"")
            .Select(m => m.Groups[1].Value).ToList();

    private static string FullWidth(string number) =>
        string.Concat(number.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));

    private async Task<Certificate> AnyCertificateAsync()
    {
        await using var db = app.SystemDb();
        return await db.Certificates.AsNoTracking().OrderBy(c => c.Number).Skip(7).FirstAsync();
    }

    private async Task<List<Certificate>> AllCertificatesAsync()
    {
        await using var db = app.SystemDb();
        return await db.Certificates.AsNoTracking().ToListAsync();
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<Certificate, bool>> predicate)
    {
        await using var db = app.SystemDb();
        return await db.Certificates.CountAsync(predicate);
    }
}

public sealed class SqliteRegistrySearchTests(SqliteApp app) : RegistrySearchTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRegistrySearchTests(PostgresApp app) : RegistrySearchTests(app), IClassFixture<PostgresApp>;
