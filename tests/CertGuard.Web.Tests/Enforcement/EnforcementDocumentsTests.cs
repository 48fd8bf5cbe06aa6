using System.Net;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Time;
using CertGuard.Data.Enforcement;
using CertGuard.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Enforcement;

/// <summary>
/// Document numbers handed out per authority, kind and year with no duplicates when requests race; the sample
/// document pages (A4 layout) and their .docx for the enforcement roles only.
/// </summary>
public abstract class EnforcementDocumentsTests(CertGuardApp app)
{
    private static int Year => ChinaTime.Today(TimeProvider.System).Year;

    [Fact]
    public async Task Parallel_requests_for_numbers_get_distinct_consecutive_numbers()
    {
        var authority = "race-" + Guid.NewGuid().ToString("N")[..12];
        const int Requests = 24;
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Requests).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            await using var db = app.SystemDb();
            return await DocumentNumbers.NextAsync(db, authority, CaseDocumentKind.PenaltyDecision, 2026, CancellationToken.None);
        })).ToList();
        start.Set();
        var numbers = await Task.WhenAll(tasks);

        Assert.Equal(Enumerable.Range(1, Requests), numbers.Order());
        await using var check = app.SystemDb();
        var counter = await check.DocumentNumberCounters.SingleAsync(c => c.AuthorityCode == authority);
        Assert.Equal((CaseDocumentKind.PenaltyDecision, 2026, Requests + 1), (counter.Kind, counter.Year, counter.Next));
    }

    [Fact]
    public async Task Each_authority_kind_and_year_counts_on_its_own_and_the_number_is_formatted_by_its_pattern()
    {
        var authority = "own-" + Guid.NewGuid().ToString("N")[..12];
        var other = "own-" + Guid.NewGuid().ToString("N")[..12];
        var pattern = DocumentNumberPattern.ForCity("440100")!;
        await using var db = app.SystemDb();
        Assert.Equal("穗应急罚〔2026〕1号", await DocumentNumbers.NextNumberAsync(db, authority, pattern, CaseDocumentKind.PenaltyDecision, 2026, default));
        Assert.Equal("穗应急罚〔2026〕2号", await DocumentNumbers.NextNumberAsync(db, authority, pattern, CaseDocumentKind.PenaltyDecision, 2026, default));
        Assert.Equal(1, await DocumentNumbers.NextAsync(db, authority, CaseDocumentKind.PenaltyNotice, 2026, default));
        Assert.Equal(1, await DocumentNumbers.NextAsync(db, authority, CaseDocumentKind.PenaltyDecision, 2027, default));
        Assert.Equal(1, await DocumentNumbers.NextAsync(db, other, CaseDocumentKind.PenaltyDecision, 2026, default));
        Assert.Equal(3, await DocumentNumbers.NextAsync(db, authority, CaseDocumentKind.PenaltyDecision, 2026, default));
    }

    [Fact]
    public async Task A_number_taken_in_a_rolled_back_transaction_is_given_again()
    {
        var authority = "tx-" + Guid.NewGuid().ToString("N")[..12];
        await using var db = app.SystemDb();
        Assert.Equal(1, await DocumentNumbers.NextAsync(db, authority, CaseDocumentKind.FilingApproval, 2026, default));
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, await DocumentNumbers.NextAsync(db, authority, CaseDocumentKind.FilingApproval, 2026, default));
            await tx.RollbackAsync();
        }
        Assert.Equal(2, await DocumentNumbers.NextAsync(db, authority, CaseDocumentKind.FilingApproval, 2026, default));
    }

    [Theory]
    [InlineData("inspector")]
    [InlineData("enforcement-lead")]
    public async Task The_sample_decision_shows_the_official_layout_to_the_enforcement_roles(string role)
    {
        using var client = await app.SignedInClientAsync(role);
        var response = await client.GetAsync("/enforcement/documents/sample/penalty-decision");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"official-document\"", html, StringComparison.Ordinal);
        Assert.Contains($"穗应急罚〔{Year}〕12号", html, StringComparison.Ordinal);
        Assert.Contains("行政处罚决定书", html, StringComparison.Ordinal);
        Assert.Contains("official-document.css", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_accounts_are_denied_and_an_unknown_kind_is_not_found()
    {
        using var employer = await app.SignedInClientAsync(Role.Employer.Id);
        // Pages answer a signed-in account without the role with the access-denied page (as every page does).
        foreach (var path in new[] { "/enforcement/documents/sample/penalty-decision", "/enforcement/documents/sample/penalty-decision/docx" })
        {
            var denied = await employer.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/account/denied", denied.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        }

        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redirect = await anonymous.GetAsync("/enforcement/documents/sample/penalty-decision/docx");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/account/sign-in", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var inspector = await app.SignedInClientAsync(Role.Inspector.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync("/enforcement/documents/sample/no-such-kind")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync("/enforcement/documents/sample/no-such-kind/docx")).StatusCode);
    }

    [Fact]
    public async Task The_docx_opens_with_OpenXml_on_A4_with_the_number_and_title()
    {
        using var client = await app.SignedInClientAsync(Role.EnforcementLead.Id);
        var response = await client.GetAsync("/enforcement/documents/sample/penalty-decision/docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        using var doc = WordprocessingDocument.Open(stream, isEditable: false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var lines = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("广州市应急管理局", lines[0]);
        Assert.Equal("行政处罚决定书", lines[1]);
        Assert.Equal($"穗应急罚〔{Year}〕12号", lines[2]);
        Assert.Equal(JustificationValues.Center, body.Elements<Paragraph>().ElementAt(1).ParagraphProperties!.Justification!.Val!.Value);
        Assert.Contains(lines, l => l.Contains("第九十七条", StringComparison.Ordinal));
        Assert.Contains(OfficialDocumentDate(), lines);
        var fields = body.Elements<Table>().Single().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Contains(fields, f => f is ["当事人", "广州示例机电设备制造有限公司"]);
        var page = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (page.Width!.Value, page.Height!.Value)); // A4
        var font = body.Descendants<RunFonts>().First(f => f.EastAsia?.Value == "仿宋");
        Assert.NotNull(font);
        Assert.Equal($"穗应急罚〔{Year}〕12号", doc.PackageProperties.Subject);
    }

    private static string OfficialDocumentDate()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        return $"{today.Year}年{today.Month}月{today.Day}日";
    }
}

public sealed class SqliteEnforcementDocumentsTests(SqliteApp app) : EnforcementDocumentsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEnforcementDocumentsTests(PostgresApp app) : EnforcementDocumentsTests(app), IClassFixture<PostgresApp>;
