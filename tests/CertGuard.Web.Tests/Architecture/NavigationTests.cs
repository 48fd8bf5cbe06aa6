using System.Text.RegularExpressions;
using CertGuard.Core.Accounts;
using CertGuard.Testing;

namespace CertGuard.Web.Tests.Architecture;

/// <summary>
/// The main menu comes from the feature modules' entries, shown to whom their policies admit, in the same order and
/// with the same labels as before, and the current page marked for screen readers.
/// </summary>
public abstract partial class NavigationTests(CertGuardApp app)
{
    [Fact]
    public async Task A_visitor_sees_the_public_entries()
    {
        var html = await app.CreateClient().GetStringAsync("/");

        Assert.Equal(["query", "verify", "tips"], Entries(html));
        Assert.Contains(">证书查询<", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("province-office", "workbench query verify registry reminders signals tips-office leads inspections cases webwatch employers institutions reference-data audit statistics")]
    [InlineData("city-office", "workbench query verify registry reminders signals tips-office leads inspections cases webwatch employers institutions statistics")]
    [InlineData("issuing-authority", "workbench query verify registry issue reminders revocation-requests")]
    [InlineData("employer", "workbench query verify registry reminders roster rectifications orders")]
    [InlineData("training-institution", "workbench query verify orders review-check self-check")]
    [InlineData("auditor", "workbench query verify registry audit")]
    [InlineData("police", "workbench query verify registry tips-office leads cases webwatch")]
    [InlineData("inspector", "workbench query verify registry tips-office leads inspections cases")]
    public async Task Each_role_sees_its_entries_in_order(string role, string expected)
    {
        var client = await app.SignedInClientAsync(role);

        var html = await client.GetStringAsync("/");

        Assert.Equal(expected.Split(' '), Entries(html));
    }

    [Theory]
    [InlineData("/registry/issue", "issue")]
    [InlineData("/registry", "registry")]
    [InlineData("/query", "query")]
    [InlineData("/workbench", "workbench")]
    public async Task The_current_page_is_marked(string path, string current)
    {
        var client = await app.SignedInClientAsync(Role.IssuingAuthority.Id);

        var html = await client.GetStringAsync(path);

        var marked = CurrentPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([current], marked);
    }

    private static List<string> Entries(string html) => EntryPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("data-nav=\"([a-z-]+)\"")]
    private static partial Regex EntryPattern();

    [GeneratedRegex("data-nav=\"([a-z-]+)\" aria-current=\"page\"")]
    private static partial Regex CurrentPattern();
}

public sealed class SqliteNavigationTests(SqliteApp app) : NavigationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresNavigationTests(PostgresApp app) : NavigationTests(app), IClassFixture<PostgresApp>;
