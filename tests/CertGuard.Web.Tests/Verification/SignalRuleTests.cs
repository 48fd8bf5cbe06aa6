using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Holders;
using CertGuard.Core.Verification;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Verification;

/// <summary>Each signal rule, from checks in the verification log to the city office's queue.</summary>
public abstract class SignalRuleTests(CertGuardApp app)
{
    [Fact]
    public async Task A_certificate_checked_by_two_employers_is_a_signal_for_its_city_office_only()
    {
        var certificate = await app.FreshCertificateAsync();
        var first = await app.OrganisationAsync(Role.Employer.Id, 0);
        var second = await app.OrganisationAsync(Role.Employer.Id, 1);

        await app.RecordAsync(app.Check(VerificationChannel.RosterCheck, VerificationOutcome.Valid, certificate.Number, certificate, first, ago: TimeSpan.FromDays(30)));
        Assert.Null(await FindAsync(app.ApiClient(Role.CityOffice.Id), SignalKind.SharedAcrossEmployers, certificate.Number));

        await app.RecordAsync(app.Check(VerificationChannel.PublicQuery, VerificationOutcome.Valid, certificate.Number, certificate, second));
        var signal = await FindAsync(app.ApiClient(Role.CityOffice.Id), SignalKind.SharedAcrossEmployers, certificate.Number);
        Assert.NotNull(signal);
        Assert.Equal(2, signal.Value.GetProperty("count").GetInt32());
        Assert.Equal(certificate.Id, signal.Value.GetProperty("certificateId").GetGuid());
        await using (var db = app.SystemDb())
        {
            var names = await db.Organisations.Where(o => o.Id == first || o.Id == second).Select(o => o.Name).ToListAsync();
            Assert.All(names, n => Assert.Contains(n, signal.Value.GetProperty("evidence").GetString()));
        }
        Assert.True(Http.HasChinese(signal.Value.GetProperty("explanation").GetString()));

        // Another city's office does not see it; the province office does.
        Assert.Null(await FindAsync(await app.ShenzhenCityOfficeAsync(), SignalKind.SharedAcrossEmployers, certificate.Number));
        Assert.NotNull(await FindAsync(app.ApiClient(Role.ProvinceOffice.Id), SignalKind.SharedAcrossEmployers, certificate.Number));
    }

    [Fact]
    public async Task The_same_employer_checking_twice_or_an_institution_checking_is_no_signal()
    {
        var certificate = await app.FreshCertificateAsync();
        var employer = await app.OrganisationAsync(Role.Employer.Id, 0);
        var institution = await app.OrganisationAsync(Role.TrainingInstitution.Id);
        await app.RecordAsync(
            app.Check(VerificationChannel.RosterCheck, VerificationOutcome.Valid, certificate.Number, certificate, employer),
            app.Check(VerificationChannel.PublicQuery, VerificationOutcome.Valid, certificate.Number, certificate, employer),
            app.Check(VerificationChannel.ReviewCheck, VerificationOutcome.Valid, certificate.Number, certificate, institution));
        Assert.Null(await FindAsync(app.ApiClient(Role.CityOffice.Id), SignalKind.SharedAcrossEmployers, certificate.Number));
    }

    [Fact]
    public async Task Queries_under_another_name_for_a_real_number_are_one_signal_counted_per_number()
    {
        var certificate = await app.FreshCertificateAsync();
        await app.RecordAsync(app.Check(VerificationChannel.PublicQuery, VerificationOutcome.NameMismatch, "T" + certificate.Number, certificate));
        await app.RecordAsync(app.Check(VerificationChannel.PublicQuery, VerificationOutcome.NameMismatch, certificate.Number, certificate));

        var page = await ListAsync(app.ApiClient(Role.CityOffice.Id), SignalKind.NameMismatch);
        var mine = page.Where(s => s.GetProperty("subject").GetString() == ResidentIdNumber.Mask(certificate.Number)).ToList();
        var signal = Assert.Single(mine);
        Assert.Equal(2, signal.GetProperty("count").GetInt32());
        Assert.Contains("2次", signal.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Impossible_numbers_and_cards_are_forged_form_signals_with_their_findings()
    {
        var good = UnknownNumber(901);
        var badCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        await app.RecordAsync(app.Check(VerificationChannel.PublicQuery, VerificationOutcome.Malformed, badCheck));

        // A card presented at review: born 2010, first issued 2020 (aged 10), an electrician's item under the welding category.
        var institution = await app.OrganisationAsync(Role.TrainingInstitution.Id);
        var child = "44010620100101" + "123";
        child += ResidentIdNumber.ComputeCheckCharacter(child);
        await app.RecordAsync(new VerificationRecord(app.Clock().GetUtcNow(), VerificationChannel.ReviewCheck, VerificationOutcome.NotFound, child)
        {
            OrganisationId = institution, CategoryCode = "2", ItemCode = "1.1", ClaimedFirstIssuedOn = new DateOnly(2020, 3, 1),
        });

        var office = app.ApiClient(Role.CityOffice.Id);
        var checkSignal = await FindAsync(office, SignalKind.ForgedForm, badCheck);
        Assert.NotNull(checkSignal);
        Assert.Equal("FORM-ID-CHECK", checkSignal.Value.GetProperty("codes").GetString());

        var card = await FindAsync(office, SignalKind.ForgedForm, child);
        Assert.NotNull(card);
        var codes = card.Value.GetProperty("codes").GetString()!.Split(',');
        Assert.Contains("FORM-UNDER-18", codes);
        Assert.Contains("FORM-ITEM-CATEGORY", codes);
        Assert.Contains("未满18周岁", card.Value.GetProperty("evidence").GetString());

        var unregistered = await FindAsync(office, SignalKind.UnregisteredAtReview, child);
        Assert.NotNull(unregistered);
        Assert.Contains("广州市安全生产培训中心", unregistered.Value.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task A_burst_of_not_found_queries_from_one_origin_is_a_signal_once_it_reaches_the_threshold()
    {
        var origin = $"198.51.{Random.Shared.Next(0, 255)}.0/24";
        var misses = Enumerable.Range(0, 19)
            .Select(i => app.Check(VerificationChannel.PublicQuery, VerificationOutcome.NotFound, UnknownNumber(i), origin: origin)).ToArray();
        await app.RecordAsync(misses);
        var office = app.ApiClient(Role.CityOffice.Id);
        Assert.Null(await FindAsync(office, SignalKind.NotFoundBurst, origin, masked: false));

        await app.RecordAsync(app.Check(VerificationChannel.PublicQuery, VerificationOutcome.NotFound, UnknownNumber(19), origin: origin));
        // The numbers tried are Guangzhou registrations: the Guangzhou office sees the burst.
        var signal = await FindAsync(office, SignalKind.NotFoundBurst, origin, masked: false);
        Assert.NotNull(signal);
        Assert.Equal(20, signal.Value.GetProperty("count").GetInt32());
        Assert.Equal(LogArrangement.Guangzhou, signal.Value.GetProperty("regionCode").GetString());
    }

    private static string UnknownNumber(int i) => LogArrangement.UnknownNumber(i);

    internal static async Task<List<JsonElement>> ListAsync(HttpClient client, SignalKind kind)
    {
        var response = await client.GetAsync($"/api/v1/signals?kind={kind}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    internal static async Task<JsonElement?> FindAsync(HttpClient client, SignalKind kind, string subject, bool masked = true)
    {
        var shown = masked ? ResidentIdNumber.Mask(CardForensics.Bare(subject)) : subject;
        var all = await ListAsync(client, kind);
        var found = all.Where(s => s.GetProperty("subject").GetString() == shown).ToList();
        return found.Count == 0 ? null : Assert.Single(found);
    }
}

public sealed class SqliteSignalRuleTests(SqliteApp app) : SignalRuleTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSignalRuleTests(PostgresApp app) : SignalRuleTests(app), IClassFixture<PostgresApp>;
