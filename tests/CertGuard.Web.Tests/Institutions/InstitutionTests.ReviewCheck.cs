using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Verification;
using CertGuard.Data.Verification;
using CertGuard.Web.Tests.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Institutions;

/// <summary>The check at review: every verdict from the registry, and a certificate not in it blocked and raised as a signal.</summary>
public abstract partial class InstitutionTests
{
    private static readonly Dictionary<CertificateState, string> VerdictOfState = new()
    {
        [CertificateState.ReviewDue] = "eligible", [CertificateState.Valid] = "not-yet-due", [CertificateState.ReviewOverdue] = "overdue",
        [CertificateState.ReviewFailed] = "review-failed", [CertificateState.Expired] = "expired", [CertificateState.Revoked] = "revoked",
        [CertificateState.Cancelled] = "cancelled",
    };

    [Fact]
    public async Task Every_state_of_a_registered_certificate_gets_its_verdict_at_review()
    {
        var training = _app.ApiClient(Role.TrainingInstitution.Id);
        var clock = _app.Clock();
        var rules = _app.Rules();
        await using var db = _app.SystemDb();
        var certificates = await db.Certificates.AsNoTracking().ToListAsync();
        var byState = certificates.GroupBy(c => c.StateAt(clock, rules)).ToDictionary(g => g.Key, g => g.First());

        foreach (var (state, verdict) in VerdictOfState)
        {
            Assert.True(byState.TryGetValue(state, out var c), $"The demo has no certificate in state {state}.");
            var answer = await CheckAsync(training, "T" + c.Number, c.HolderName, c.ItemCode);
            Assert.Equal(verdict, answer.GetProperty("verdict").GetString());
            Assert.Equal(state == CertificateState.ReviewDue, answer.GetProperty("eligible").GetBoolean());
            Assert.False(answer.GetProperty("blocked").GetBoolean());
            Assert.True(Http.HasChinese(answer.GetProperty("reason").GetString()));
            var shown = answer.GetProperty("certificate");
            Assert.Equal(ResidentIdNumber.Mask(c.Number), shown.GetProperty("maskedNumber").GetString());
            Assert.Equal(state.ToString(), shown.GetProperty("state").GetString());
        }

        var valid = byState[CertificateState.Valid];
        var held = certificates.Where(c => c.Number == valid.Number).Select(c => c.ItemCode).ToHashSet();
        var other = Core.Catalogue.OperationCatalogue.Current.Items.First(i => !held.Contains(i.Code)).Code;
        var wrongItem = await CheckAsync(training, valid.Number, valid.HolderName, other);
        Assert.Equal("wrong-item", wrongItem.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, wrongItem.GetProperty("certificate").ValueKind);

        var impostor = await CheckAsync(training, valid.Number, "冒名顶替", valid.ItemCode);
        Assert.Equal("name-mismatch", impostor.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, impostor.GetProperty("certificate").ValueKind);
        Assert.DoesNotContain(valid.HolderName, impostor.GetRawText());

        // Every check is in the verification log under the institution, on the review channel, with the number as typed.
        await _app.Services.GetRequiredService<VerificationLog>().StoredAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var own = await _app.OrganisationAsync(Role.TrainingInstitution.Id);
        var logged = await db.VerificationLog.AsNoTracking()
            .Where(r => r.Channel == VerificationChannel.ReviewCheck && r.OrganisationId == own && (r.NumberAsked == valid.Number || r.NumberAsked == "T" + valid.Number))
            .Select(r => r.Outcome).ToListAsync();
        Assert.Contains(VerificationOutcome.Valid, logged);
        Assert.Contains(VerificationOutcome.WrongItem, logged);
        Assert.Contains(VerificationOutcome.NameMismatch, logged);
    }

    [Fact]
    public async Task A_certificate_not_in_the_registry_is_blocked_and_the_city_office_gets_the_signal()
    {
        var exam = _app.ApiClient(Role.ExamCentre.Id);
        var unknown = LogArrangement.UnknownNumber(611);
        var answer = await CheckAsync(exam, unknown, "王小明", "2.1");
        Assert.Equal("not-in-registry", answer.GetProperty("verdict").GetString());
        Assert.True(answer.GetProperty("blocked").GetBoolean());
        Assert.True(answer.GetProperty("reported").GetBoolean());
        Assert.False(answer.GetProperty("eligible").GetBoolean());

        // A number no authority could have issued (wrong check character) is blocked the same way, saying why.
        var impossible = unknown[..17] + (unknown[17] == '0' ? '1' : '0');
        var forged = await CheckAsync(exam, impossible, "王小明", "2.1");
        Assert.Equal("not-in-registry", forged.GetProperty("verdict").GetString());
        Assert.StartsWith("证号不可能是真实证号", forged.GetProperty("reason").GetString());
        Assert.Contains(forged.GetProperty("cardFindings").EnumerateArray(), f => f.GetProperty("code").GetString() == "FORM-ID-CHECK");

        await _app.Services.GetRequiredService<VerificationLog>().StoredAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var office = _app.ApiClient(Role.CityOffice.Id);
        foreach (var number in new[] { unknown, impossible })
        {
            var signal = await SignalRuleTests.FindAsync(office, SignalKind.UnregisteredAtReview, number);
            Assert.NotNull(signal);
            Assert.Equal(LogArrangement.Guangzhou, signal.Value.GetProperty("regionCode").GetString());
            Assert.Contains("广州市特种作业考试中心", signal.Value.GetProperty("evidence").GetString());
        }
        Assert.NotNull(await SignalRuleTests.FindAsync(office, SignalKind.ForgedForm, impossible));
        Assert.Null(await SignalRuleTests.FindAsync(await _app.ShenzhenCityOfficeAsync(), SignalKind.UnregisteredAtReview, unknown));

        // The institution sees its own checks (numbers masked), another institution does not.
        var mine = await (await exam.GetAsync("/api/v1/institutions/review-checks")).OkJsonAsync();
        var blocked = mine.EnumerateArray().Where(r => r.GetProperty("blocked").GetBoolean()).Select(r => r.GetProperty("maskedNumber").GetString()).ToList();
        Assert.Contains(ResidentIdNumber.Mask(unknown), blocked);
        var theirs = await (await _app.ApiClient(Role.TrainingInstitution.Id).GetAsync("/api/v1/institutions/review-checks?limit=200")).OkJsonAsync();
        Assert.DoesNotContain(theirs.EnumerateArray(), r => r.GetProperty("maskedNumber").GetString() == ResidentIdNumber.Mask(unknown));
    }

    [Fact]
    public async Task Review_checks_are_for_institutions_and_need_number_name_and_a_catalogue_item()
    {
        var training = _app.ApiClient(Role.TrainingInstitution.Id);
        await (await Post(training, new { number = "", name = "张三", itemCode = "1.1" })).AssertProblemAsync(HttpStatusCode.BadRequest, "REVIEW-NUMBER-REQUIRED");
        await (await Post(training, new { number = LogArrangement.UnknownNumber(1), name = " ", itemCode = "1.1" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "REVIEW-NAME-REQUIRED");
        var item = await (await Post(training, new { number = LogArrangement.UnknownNumber(1), name = "张三", itemCode = "9.99" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "REVIEW-ITEM-UNKNOWN");
        Assert.True(Http.HasChinese(item.GetProperty("title").GetString()));
        await (await training.GetAsync("/api/v1/institutions/review-checks?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "REVIEW-LIMIT");

        foreach (var role in new[] { Role.CityOffice, Role.ProvinceOffice, Role.Employer, Role.IssuingAuthority })
        {
            var client = _app.ApiClient(role.Id);
            await (await Post(client, new { number = LogArrangement.UnknownNumber(2), name = "张三", itemCode = "1.1" }))
                .AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        await (await _app.CreateClient().PostAsJsonAsync("/api/v1/institutions/review-checks", new { number = "x" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, object body) => client.PostAsJsonAsync("/api/v1/institutions/review-checks", body);

    private static async Task<JsonElement> CheckAsync(HttpClient client, string number, string name, string itemCode) =>
        await (await Post(client, new { number, name, itemCode })).OkJsonAsync();
}
