using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Registry;

/// <summary>
/// A certificate's detail: its history in order, the number masked unless asked for; asking for the full number
/// (API or page) is written to the audit log with the acting account.
/// </summary>
public abstract class CertificateDetailTests(CertGuardApp app)
{
    [Fact]
    public async Task Detail_lists_the_whole_history_in_order_and_masks_the_number()
    {
        var certificate = await CertificateWithLongHistoryAsync();
        var response = await app.ApiClient(Role.ProvinceOffice.Id).GetAsync($"/api/v1/certificates/{certificate.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var detail = JsonDocument.Parse(text).RootElement;

        Assert.DoesNotContain(certificate.Number, text, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("number").ValueKind);
        Assert.Equal(certificate.MaskedNumber, detail.GetProperty("certificate").GetProperty("maskedNumber").GetString());

        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(certificate.History.Count, history.Count);
        Assert.Equal(nameof(CertificateEventKind.Issued), history[0].GetProperty("kind").GetString());
        Assert.Equal("考核合格发证", history[0].GetProperty("kindName").GetString());
        var recorded = history.Select(h => h.GetProperty("recordedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(recorded.Order().ToList(), recorded);
        var effective = history.Select(h => DateOnly.Parse(h.GetProperty("effectiveOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(effective.Order().ToList(), effective);
        Assert.Equal(
            certificate.Chronicle.Select(e => e.Kind.ToString()),
            history.Select(h => h.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task A_renewal_is_listed_after_the_review_that_granted_it()
    {
        // A review passed at the end of validity records two events at the same instant: ReviewPassed, then Renewed.
        // Events of one instant are told apart by their version-7 id, whose low bits are random within a millisecond:
        // register a certificate whose Renewed id happens to sort first (as about half do) and read it back.
        var rules = app.Rules();
        var today = app.Today();
        await using var db = app.SystemDb();
        var authority = await db.Organisations.AsNoTracking().FirstAsync(o => o.Kind == Role.IssuingAuthority.Id && o.RegionCode == "440100");
        Certificate? certificate = null;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first17 = $"44010619800101{attempt:000}";
            var holder = ResidentIdNumber.Parse(first17 + ResidentIdNumber.ComputeCheckCharacter(first17), today);
            var issued = today.AddYears(-7);
            certificate = Certificate.Issue(new IssueRequest(holder, "续期测试", "9.16", issued, "440100", authority.Id, null, "测试"), rules, new FixedTime(issued));
            var firstReview = certificate.NextReviewDue;
            certificate.PassReview(firstReview, "测试", rules, new FixedTime(firstReview));
            var secondReview = certificate.NextReviewDue;
            certificate.PassReview(secondReview, "测试", rules, new FixedTime(secondReview));
            var passed = certificate.History.Last(e => e.Kind == CertificateEventKind.ReviewPassed);
            var renewal = certificate.History.Single(e => e.Kind == CertificateEventKind.Renewed);
            Assert.Equal(passed.OccurredAt, renewal.OccurredAt);
            if (renewal.Id.CompareTo(passed.Id) < 0) break;
        }
        db.Certificates.Add(certificate!);
        await db.SaveChangesAsync();

        var detail = await app.ApiClient(Role.ProvinceOffice.Id).GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{certificate!.Id}");

        var kinds = detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Issued", "ReviewPassed", "ReviewPassed", "Renewed"], kinds);
    }

    private sealed class FixedTime(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUniversalTime();
    }

    [Fact]
    public async Task Full_number_is_returned_only_when_asked_for_and_the_request_is_audited()
    {
        var certificate = await CertificateWithLongHistoryAsync();
        var client = app.ApiClient(Role.ProvinceOffice.Id);
        var userName = app.Account(Role.ProvinceOffice.Id).UserName;
        var before = await FullIdViewsAsync(certificate.Id);

        var masked = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{certificate.Id}?fullIdNumber=false");
        Assert.Equal(JsonValueKind.Null, masked.GetProperty("number").ValueKind);
        Assert.Equal(before.Count, (await FullIdViewsAsync(certificate.Id)).Count);

        var full = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{certificate.Id}?fullIdNumber=true");

        Assert.Equal(certificate.Number, full.GetProperty("number").GetString());
        var after = await FullIdViewsAsync(certificate.Id);
        var entry = Assert.Single(after.Except(before, new SequenceComparer()));
        Assert.Equal(userName, entry.Actor);
        Assert.Equal(nameof(Certificate), entry.EntityType);
        Assert.Contains("api", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_number_of_a_certificate_out_of_scope_is_neither_shown_nor_logged_as_seen()
    {
        await using var db = app.SystemDb();
        var shenzhen = await db.Certificates.AsNoTracking().Where(c => c.RegionCode == "440300").OrderBy(c => c.Id).FirstAsync();
        var before = await FullIdViewsAsync(shenzhen.Id);

        var response = await app.ApiClient(Role.CityOffice.Id).GetAsync($"/api/v1/certificates/{shenzhen.Id}?fullIdNumber=true");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "CERT-NOT-FOUND");
        Assert.DoesNotContain(shenzhen.Number, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before.Count, (await FullIdViewsAsync(shenzhen.Id)).Count);
    }

    [Fact]
    public async Task Page_shows_the_masked_number_and_the_history()
    {
        var certificate = await CertificateWithLongHistoryAsync();
        var client = await app.SignedInClientAsync(Role.CityOffice.Id);

        var html = await client.GetStringAsync($"/registry/certificate/{certificate.Id}");

        Assert.Contains(certificate.MaskedNumber, html, StringComparison.Ordinal);
        Assert.DoesNotContain(certificate.Number, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"history\"", html, StringComparison.Ordinal);
        Assert.Contains("考核合格发证", html, StringComparison.Ordinal);
        Assert.Contains("显示完整证号", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_on_the_page_shows_the_full_number_and_is_audited()
    {
        var certificate = await CertificateWithLongHistoryAsync();
        var client = await app.SignedInClientAsync(Role.CityOffice.Id);
        var userName = app.Account(Role.CityOffice.Id).UserName;
        var page = await client.GetStringAsync($"/registry/certificate/{certificate.Id}");
        var before = await FullIdViewsAsync(certificate.Id);

        var response = await client.PostAsync($"/registry/certificate/{certificate.Id}?handler=Reveal", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(page) }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("T" + certificate.Number, html, StringComparison.Ordinal);
        var entry = Assert.Single((await FullIdViewsAsync(certificate.Id)).Except(before, new SequenceComparer()));
        Assert.Equal(userName, entry.Actor);
        Assert.Contains("page", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_without_the_antiforgery_token_is_refused_and_not_audited()
    {
        var certificate = await CertificateWithLongHistoryAsync();
        var client = await app.SignedInClientAsync(Role.CityOffice.Id);
        var before = await FullIdViewsAsync(certificate.Id);

        var response = await client.PostAsync($"/registry/certificate/{certificate.Id}?handler=Reveal", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(certificate.Number, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before.Count, (await FullIdViewsAsync(certificate.Id)).Count);
    }

    /// <summary>A Guangzhou certificate (the demo accounts' city) that went through at least one review.</summary>
    private async Task<Certificate> CertificateWithLongHistoryAsync()
    {
        await using var db = app.SystemDb();
        return await db.Certificates.AsNoTracking().Include(c => c.History)
            .Where(c => c.RegionCode == "440100" && c.History.Count >= 3)
            .OrderBy(c => c.Id).FirstAsync();
    }

    private async Task<List<Data.Audit.AuditEntry>> FullIdViewsAsync(Guid id)
    {
        await using var db = app.SystemDb();
        var key = id.ToString();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == "view-full-id" && e.EntityId == key).ToListAsync();
    }

    private sealed class SequenceComparer : IEqualityComparer<Data.Audit.AuditEntry>
    {
        public bool Equals(Data.Audit.AuditEntry? x, Data.Audit.AuditEntry? y) => x?.Sequence == y?.Sequence;

        public int GetHashCode(Data.Audit.AuditEntry obj) => obj.Sequence.GetHashCode();
    }
}

public sealed class SqliteCertificateDetailTests(SqliteApp app) : CertificateDetailTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCertificateDetailTests(PostgresApp app) : CertificateDetailTests(app), IClassFixture<PostgresApp>;
