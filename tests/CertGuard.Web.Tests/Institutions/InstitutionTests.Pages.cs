using System.Net;
using CertGuard.Core.Accounts;
using CertGuard.Core.Holders;
using CertGuard.Testing;
using CertGuard.Web.Tests.Verification;

namespace CertGuard.Web.Tests.Institutions;

/// <summary>The pages, through HTTP as a browser posts them: forms with their antiforgery tokens, then what each role reads.</summary>
public abstract partial class InstitutionTests
{
    [Fact]
    public async Task An_institution_fills_in_the_self_check_page_and_the_city_office_reads_the_result()
    {
        var training = await _app.SignedInClientAsync(Role.TrainingInstitution.Id);
        var page = await training.GetStringAsync("/institutions/self-check");
        Assert.Contains("data-testid=\"selfcheck-form\"", page);
        Assert.Contains("复审培训时是否逐一核验学员所持特种作业操作证的真伪", page);
        var questionnaire = await _app.ApiClient(Role.TrainingInstitution.Id).CurrentQuestionnaireAsync();
        var keys = questionnaire.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()!).ToList();
        var version = questionnaire.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Dictionary<string, string> Form(string notMet, string rectification)
        {
            var form = new Dictionary<string, string> { ["version"] = version, ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(page) };
            foreach (var key in keys) form["met." + key] = key == notMet ? "no" : "yes";
            form["note." + notMet] = rectification;
            return form;
        }

        // A condition not met without its rectification is refused, and what was typed stays on the page.
        var refused = await training.PostAsync("/institutions/self-check", new FormUrlEncodedContent(Form(keys[5], "")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"selfcheck-error\"", again);
        Assert.Contains("整改措施", again);

        var posted = await training.PostAsync("/institutions/self-check", new FormUrlEncodedContent(Form(keys[5], "实训场地年底前扩建并补齐模拟设备。")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await training.GetStringAsync("/institutions/self-check");
        Assert.Contains("data-testid=\"selfcheck-submitted\"", after);
        Assert.Contains("data-testid=\"selfcheck-history\"", after);

        var office = await _app.SignedInClientAsync(Role.CityOffice.Id);
        var list = await office.GetStringAsync("/institutions");
        Assert.Contains("广州市安全生产培训中心", list);
        Assert.Contains("1 项不符合", list);
        // Both of the city's institutions are listed, whether or not they answered.
        Assert.Contains("广州市特种作业考试中心", list);
        foreach (var html in new[] { page, after, list })
            Assert.DoesNotContain("Institutions.", html);
        var id = await _app.OrganisationAsync(Role.TrainingInstitution.Id);
        var detail = await office.GetStringAsync($"/institutions/{id}");
        Assert.Contains("实训场地年底前扩建并补齐模拟设备。", detail);
        Assert.Contains("data-met=\"no\"", detail);

        // Pages of the other side are not theirs: offices do not answer, institutions do not read the city's list.
        AssertDenied(await office.GetAsync("/institutions/self-check"));
        AssertDenied(await training.GetAsync("/institutions"));
        var (shenzhenId, _) = await _app.ShenzhenInstitutionAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/institutions/{shenzhenId}")).StatusCode);
    }

    [Fact]
    public async Task The_review_check_page_blocks_an_unregistered_certificate_and_lists_the_check()
    {
        var exam = await _app.SignedInClientAsync(Role.ExamCentre.Id);
        var page = await exam.GetStringAsync("/institutions/review-check");
        Assert.Contains("data-testid=\"review-form\"", page);
        var unknown = LogArrangement.UnknownNumber(733);

        var response = await exam.PostAsync("/institutions/review-check", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Number"] = unknown, ["HolderName"] = "赵六", ["ItemCode"] = "1.2", ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-verdict=\"not-in-registry\"", html);
        Assert.DoesNotContain("Institutions.", html);
        Assert.Contains("data-testid=\"review-blocked\"", html);
        // The form keeps what was typed; the verdict and the list of checks show the number masked.
        var shown = html[html.IndexOf("data-testid=\"review-result\"", StringComparison.Ordinal)..];
        Assert.Contains(ResidentIdNumber.Mask(unknown), shown);
        Assert.DoesNotContain(unknown, shown);

        var missing = await exam.PostAsync("/institutions/review-check", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Number"] = unknown, ["HolderName"] = "", ["ItemCode"] = "1.2", ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请填写申请人姓名", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_province_office_edits_the_questionnaire_page_and_a_city_office_cannot()
    {
        var province = await _app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var page = await province.GetStringAsync("/institutions/questionnaire");
        Assert.Contains("data-testid=\"questionnaire-add\"", page);
        var version = (await _app.ApiClient(Role.ProvinceOffice.Id).CurrentQuestionnaireAsync()).GetProperty("version").GetInt32();

        var posted = await province.PostAsync("/institutions/questionnaire?handler=add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = "是否为复审学员建立证书核验台账？",
            ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await province.GetStringAsync("/institutions/questionnaire");
        Assert.Contains("data-testid=\"questionnaire-message\"", after);
        Assert.Contains("是否为复审学员建立证书核验台账？", after);
        Assert.Contains($"data-version=\"{version + 1}\"", after);
        Assert.DoesNotContain("Institutions.", after);
        var english = await province.GetStringAsync("/institutions/questionnaire?culture=en");
        Assert.Contains("Self-check questionnaire", english);

        var office = await _app.SignedInClientAsync(Role.CityOffice.Id);
        var read = await office.GetStringAsync("/institutions/questionnaire");
        Assert.DoesNotContain("data-testid=\"questionnaire-add\"", read);
        var refused = await office.PostAsync("/institutions/questionnaire?handler=add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = "市里加的问题",
            ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(read),
        }));
        AssertDenied(refused);
        Assert.Equal(version + 1, (await _app.ApiClient(Role.ProvinceOffice.Id).CurrentQuestionnaireAsync()).GetProperty("version").GetInt32());
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }
}
