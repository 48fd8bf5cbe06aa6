using System.Net;
using System.Text.RegularExpressions;
using CertGuard.Core.Accounts;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Workbench;

/// <summary>
/// Every demo account lands on its own workbench after signing in (institutions and employers no longer on a page
/// they may not open), with its to-dos and at least one chart with data, each chart with its table; and only the
/// issuing authority of the certificate's city and the province office open a certificate's printable card.
/// </summary>
public abstract partial class WorkbenchTests(CertGuardApp app)
{
    public static TheoryData<string, string> Roles => new()
    {
        { Role.ProvinceOffice.Id, "signals-open" },
        { Role.CityOffice.Id, "registrations-pending" },
        { Role.IssuingAuthority.Id, "reviews-due" },
        { Role.Police.Id, "leads-open" },
        { Role.MarketRegulation.Id, "leads-open" },
        { Role.Cyberspace.Id, "suspects-found" },
        { Role.Employer.Id, "orders-to-correct" },
        { Role.TrainingInstitution.Id, "questionnaire" },
        { Role.ExamCentre.Id, "questionnaire" },
        { Role.Auditor.Id, "full-id-views" },
        { Role.NationalExchange.Id, "" },
        { Role.Inspector.Id, "leads-open" },
        { Role.EnforcementLead.Id, "leads-awaiting" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_demo_account_lands_on_its_workbench_with_its_to_dos_and_a_chart_with_data(string role, string item)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var (userName, password) = app.Account(role);

        var signedIn = await CertGuardApp.PostSignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/workbench", signedIn.Headers.Location?.OriginalString);

        var response = await client.GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>工作台", html);
        if (item.Length > 0) Assert.Contains($"data-item=\"{item}\"", html);
        Assert.Matches("data-testid=\"workbench-chart\" data-chart=\"[a-z-]+\" data-has-data=\"true\"", html);
        Assert.Contains("class=\"grid chart-table\"", html);
        Assert.Contains("/lib/echarts/echarts.simple.min.js", html);
        // Every to-do links to a page this account may open.
        foreach (var link in TodoLinks().Matches(html).Select(m => m.Groups[1].Value).Distinct())
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task The_workbench_needs_a_signed_in_account()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_citys_issuing_authority_and_the_province_office_open_the_printable_card()
    {
        Guid id;
        await using (var db = app.SystemDb())
            id = await db.Certificates.AsNoTracking().Where(c => c.RegionCode == "440100" && c.ExchangeVersion == null)
                .OrderBy(c => c.Number).Select(c => c.Id).FirstAsync();

        foreach (var role in new[] { Role.IssuingAuthority, Role.ProvinceOffice })
        {
            var client = await app.SignedInClientAsync(role.Id);
            Assert.Contains("data-testid=\"print\"", await client.GetStringAsync($"/registry/certificate/{id}"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/registry/certificate/{id}/print")).StatusCode);
        }
        foreach (var role in new[] { Role.CityOffice, Role.Police, Role.MarketRegulation, Role.Cyberspace, Role.Auditor, Role.Inspector, Role.EnforcementLead })
        {
            var client = await app.SignedInClientAsync(role.Id);
            var certificate = await client.GetAsync($"/registry/certificate/{id}");
            if (certificate.StatusCode == HttpStatusCode.OK)
                Assert.DoesNotContain("data-testid=\"print\"", await certificate.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/registry/certificate/{id}/print")).StatusCode);
        }
        var employer = await app.SignedInClientAsync(Role.Employer.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync($"/registry/certificate/{id}/print")).StatusCode);
    }

    [GeneratedRegex("<li class=\"todo [a-z]+\" data-item=\"[a-z-]+\" data-count=\"\\d+\">\\s*<a href=\"([^\"#]+)")]
    private static partial Regex TodoLinks();
}

public sealed class SqliteWorkbenchTests(SqliteApp app) : WorkbenchTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresWorkbenchTests(PostgresApp app) : WorkbenchTests(app), IClassFixture<PostgresApp>;
