using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Verification;
using Microsoft.EntityFrameworkCore;
using static CertGuard.Web.Tests.Verification.PublicQuery.PublicQueryAnswerTests;

namespace CertGuard.Web.Tests.Verification.PublicQuery;

/// <summary>
/// Every query and QR check goes to the verification log (outcome, certificate, asking organisation, coarse origin),
/// and the holder can see who checked their certificate.
/// </summary>
public abstract class PublicQueryLogTests(PublicQueryApp app)
{
    [Fact]
    public async Task Each_query_is_logged_with_its_outcome_certificate_and_coarse_origin()
    {
        var (certificate, holderCertificates) = await app.TakeAsync(CertificateState.Valid);
        var unknown = PublicQueryApp.UnknownNumber();
        var malformed = unknown[..17] + (unknown[17] == '0' ? '1' : '0');
        var address = IPAddress.Parse("203.0.113.250");
        var client = app.Client(address);

        await client.GetAsync(Url("T" + certificate.Number, certificate.HolderName));
        await client.GetAsync(Url(certificate.Number, "查无此人"));
        await client.GetAsync(Url(unknown, "张三"));
        await client.GetAsync(Url(malformed, "张三"));
        await app.LogStoredAsync();

        await using var db = app.SystemDb();
        var found = await db.VerificationLog.AsNoTracking().Where(r => r.NumberAsked == "T" + certificate.Number).ToListAsync();
        Assert.Equal(holderCertificates.Select(c => c.Id).Order(), found.Select(r => (Guid)r.CertificateId!).Order());
        Assert.All(found, r =>
        {
            Assert.Equal(VerificationChannel.PublicQuery, r.Channel);
            Assert.Equal("203.0.113.0/24", r.Origin);
            Assert.Null(r.OrganisationId);
        });
        Assert.Equal(VerificationOutcome.Valid, found.Single(r => r.CertificateId == certificate.Id).Outcome);

        var mismatch = await db.VerificationLog.AsNoTracking().SingleAsync(r => r.NumberAsked == certificate.Number);
        Assert.Equal(VerificationOutcome.NameMismatch, mismatch.Outcome);
        Assert.Equal(holderCertificates[0].Id, mismatch.CertificateId);
        Assert.Equal(holderCertificates[0].RegionCode, mismatch.RegionCode);

        var notFound = await db.VerificationLog.AsNoTracking().SingleAsync(r => r.NumberAsked == unknown);
        Assert.Equal(VerificationOutcome.NotFound, notFound.Outcome);
        Assert.Null(notFound.CertificateId);
        Assert.Equal(VerificationOutcome.Malformed, (await db.VerificationLog.AsNoTracking().SingleAsync(r => r.NumberAsked == malformed)).Outcome);
    }

    [Fact]
    public async Task A_name_mismatch_opens_a_signal_for_the_city_office_of_the_number()
    {
        var (certificate, holderCertificates) = await app.TakeAsync(CertificateState.Valid);
        await app.Client().GetAsync(Url(certificate.Number, "冒用者"));
        await app.LogStoredAsync();

        await using var db = app.SystemDb();
        var signal = await db.Signals.AsNoTracking().SingleAsync(s => s.Kind == SignalKind.NameMismatch && s.Subject == certificate.Number);
        Assert.Equal(holderCertificates[0].RegionCode, signal.RegionCode);
    }

    [Fact]
    public async Task The_holder_sees_who_checked_the_certificate_with_its_qr_code_by_kind_and_city_never_an_organisation_name()
    {
        var (certificate, _) = await app.TakeAsync(CertificateState.Valid);
        var employer = app.Client(apiKey: app.ApiKey(Role.Employer.Id));
        await employer.GetAsync(Url(certificate.Number, certificate.HolderName));
        await app.Client().GetAsync(Url(certificate.Number, certificate.HolderName));
        await app.LogStoredAsync();
        string employerName;
        await using (var db = app.SystemDb())
        {
            var record = await db.VerificationLog.AsNoTracking().SingleAsync(r => r.CertificateId == certificate.Id && r.OrganisationId != null);
            Assert.Equal(app.Account(Role.Employer.Id).UserName, record.AccountName);
            employerName = (await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == record.OrganisationId)).Name;
        }
        var text = await app.ApiClient(Role.ProvinceOffice.Id).GetStringAsync($"/api/v1/certificates/{certificate.Id}/qr?format=text");

        var response = await app.Client().PostAsJsonAsync("/api/v1/public/checks", new { text });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal(certificate.MaskedNumber, answer.GetProperty("maskedNumber").GetString());
        var checks = answer.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(2, checks.Count);
        // Anyone holding the card (an employer keeps a copy) must not learn which other organisations checked it.
        Assert.Contains(checks, c => c.GetProperty("asker").GetString() == "用人单位（广州市）");
        Assert.DoesNotContain(employerName, body, StringComparison.Ordinal);
        Assert.Contains(checks, c => c.GetProperty("asker").GetString() == "公众查询");
        Assert.All(checks, c => Assert.Equal("证号姓名查询", c.GetProperty("channel").GetString()));
        // Employers' names and dates: no origin, no account, no full ID number.
        Assert.DoesNotContain("203.0.113", body, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Account(Role.Employer.Id).UserName, body, StringComparison.Ordinal);
        Assert.DoesNotContain(certificate.Number, body, StringComparison.Ordinal);
        // Viewing the record is not itself a check of the certificate.
        await app.LogStoredAsync();
        await using (var db = app.SystemDb())
            Assert.Equal(2, await db.VerificationLog.AsNoTracking().CountAsync(r => r.CertificateId == certificate.Id));

        // A code whose signature fails opens nothing.
        var middle = text.Length / 2;
        var forged = await app.Client().PostAsJsonAsync("/api/v1/public/checks", new { text = text[..middle] + (text[middle] == 'A' ? 'B' : 'A') + text[(middle + 1)..] });
        var problem = await forged.AssertProblemAsync(HttpStatusCode.BadRequest, "PUBLIC-CHECKS-QR-INVALID");
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Qr_checks_on_the_server_are_logged_with_the_registry_certificate_and_rejections_without_one()
    {
        var (certificate, _) = await app.TakeAsync(CertificateState.Valid);
        var text = await app.ApiClient(Role.ProvinceOffice.Id).GetStringAsync($"/api/v1/certificates/{certificate.Id}/qr?format=text");
        var employer = app.Client(apiKey: app.ApiKey(Role.Employer.Id));
        var verified = await employer.PostAsJsonAsync("/api/v1/verify/qr", new { text });
        Assert.True((await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());
        var middle = text.Length / 2;
        await app.Client().PostAsJsonAsync("/api/v1/verify/qr", new { text = text[..middle] + (text[middle] == 'A' ? 'B' : 'A') + text[(middle + 1)..] });
        await app.LogStoredAsync();

        await using var db = app.SystemDb();
        var logged = await db.VerificationLog.AsNoTracking().SingleAsync(r => r.Channel == VerificationChannel.QrCheck && r.CertificateId == certificate.Id);
        Assert.Equal(VerificationOutcome.Valid, logged.Outcome);
        Assert.Equal(certificate.Number, logged.NumberAsked);
        Assert.Equal(certificate.ItemCode, logged.ItemCode);
        Assert.Equal(certificate.RegionCode, logged.RegionCode);
        Assert.NotNull(logged.OrganisationId);
        Assert.True(await db.VerificationLog.AsNoTracking().AnyAsync(r => r.Channel == VerificationChannel.QrCheck && r.Outcome == VerificationOutcome.QrRejected && r.CertificateId == null));
    }

    [Fact]
    public async Task The_registry_page_shows_the_checks_to_officials_in_scope_but_not_to_employers()
    {
        var (certificate, _) = await app.TakeAsync(CertificateState.Valid);
        await app.Client(apiKey: app.ApiKey(Role.Employer.Id)).GetAsync(Url(certificate.Number, certificate.HolderName));
        await app.LogStoredAsync();

        var office = await app.SignedInClientAsync(certificate.RegionCode == "440100" ? Role.CityOffice.Id : Role.ProvinceOffice.Id);
        var page = await office.GetStringAsync($"/registry/certificate/{certificate.Id}");
        Assert.Contains("data-testid=\"certificate-checks\"", page, StringComparison.Ordinal);
        Assert.Contains("查验记录", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"certificate-check\"", page, StringComparison.Ordinal);
        Assert.Contains(app.Account(Role.Employer.Id).UserName, page, StringComparison.Ordinal);

        // An employer opens its own worker's certificate: the page, but not who else checked it.
        await using var db = app.SystemDb();
        var employerAccount = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == app.Account(Role.Employer.Id).UserName);
        var own = await db.Certificates.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.EmployerId == employerAccount.OrganisationId);
        var employerPage = await (await app.SignedInClientAsync(Role.Employer.Id)).GetAsync($"/registry/certificate/{own.Id}");
        Assert.Equal(HttpStatusCode.OK, employerPage.StatusCode);
        Assert.DoesNotContain("data-testid=\"certificate-checks\"", await employerPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Collection(SqlitePublicQueryCollection.Name)]
public sealed class SqlitePublicQueryLogTests(SqlitePublicQueryApp app) : PublicQueryLogTests(app);

[Collection(PostgresPublicQueryCollection.Name)]
public sealed class PostgresPublicQueryLogTests(PostgresPublicQueryApp app) : PublicQueryLogTests(app);
