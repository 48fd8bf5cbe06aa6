using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Institutions;
using CertGuard.Web.Tests.Verification;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Institutions;

/// <summary>The questionnaire (edited by the province office only, in versions) and the self-checks the offices see.</summary>
public abstract partial class InstitutionTests
{
    [Fact]
    public async Task Only_the_province_office_edits_the_questionnaire_and_every_edit_is_a_new_version()
    {
        var province = _app.ApiClient(Role.ProvinceOffice.Id);
        var before = await province.CurrentQuestionnaireAsync();
        var v = before.GetProperty("version").GetInt32();
        var body = new { version = v, text = "是否在醒目位置公示收费标准和投诉电话？", guidance = "现场查看。" };

        foreach (var role in new[] { Role.CityOffice, Role.TrainingInstitution, Role.ExamCentre })
            await (await _app.ApiClient(role.Id).PostAsJsonAsync("/api/v1/institutions/questionnaire/questions", body)).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await _app.ApiClient(Role.Employer.Id).GetAsync("/api/v1/institutions/questionnaire")).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var added = await (await province.PostAsJsonAsync("/api/v1/institutions/questionnaire/questions", body)).OkJsonAsync();
        Assert.Equal(v + 1, added.GetProperty("version").GetInt32());
        var newKey = added.GetProperty("questions").EnumerateArray().Last().GetProperty("key").GetString()!;
        Assert.Equal(body.text, added.GetProperty("questions").EnumerateArray().Last().GetProperty("text").GetString());

        // An editor who saw the old version is refused instead of silently building on a version they never read.
        var stale = await province.PutAsJsonAsync($"/api/v1/institutions/questionnaire/questions/{newKey}", new { version = v, text = "旧版本上的修改" });
        var conflict = await stale.AssertProblemAsync(HttpStatusCode.Conflict, "SELFCHECK-CONFLICT");
        Assert.True(Http.HasChinese(conflict.GetProperty("title").GetString()));

        var edited = await (await province.PutAsJsonAsync($"/api/v1/institutions/questionnaire/questions/{newKey}",
            new { version = v + 1, text = "是否公示收费标准、投诉电话和培训大纲？" })).OkJsonAsync();
        Assert.Equal(v + 2, edited.GetProperty("version").GetInt32());
        var retired = await (await province.DeleteAsync($"/api/v1/institutions/questionnaire/questions/{newKey}?version={v + 2}")).OkJsonAsync();
        Assert.Equal(v + 3, retired.GetProperty("version").GetInt32());
        Assert.DoesNotContain(retired.GetProperty("questions").EnumerateArray(), q => q.GetProperty("key").GetString() == newKey);

        await (await province.DeleteAsync($"/api/v1/institutions/questionnaire/questions/{newKey}?version={v + 3}"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "SELFCHECK-QUESTION-NOT-FOUND");
        await (await province.PostAsJsonAsync("/api/v1/institutions/questionnaire/questions", new { text = "没有版本号" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "SELFCHECK-VERSION-REQUIRED");
        await (await province.PostAsJsonAsync("/api/v1/institutions/questionnaire/questions", new { version = v + 3, text = " " }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SELFCHECK-TEXT-REQUIRED");

        // Every version stays readable as it was published, and each publication is in the audit trail.
        var old = await (await _app.ApiClient(Role.TrainingInstitution.Id).GetAsync($"/api/v1/institutions/questionnaire/versions/{v + 1}")).OkJsonAsync();
        Assert.Equal(body.text, old.GetProperty("questions").EnumerateArray().Last().GetProperty("text").GetString());
        var versions = await (await _app.ApiClient(Role.CityOffice.Id).GetAsync("/api/v1/institutions/questionnaire/versions")).OkJsonAsync();
        Assert.Equal(Enumerable.Range(1, v + 3).Reverse(), versions.EnumerateArray().Select(x => x.GetProperty("version").GetInt32()));
        var published = new[] { v + 1, v + 2, v + 3 }.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await using var db = _app.SystemDb();
        var audited = await db.AuditEntries.Where(e => e.EntityType == nameof(QuestionnaireVersion) && e.Action == "create" && published.Contains(e.EntityId))
            .Select(e => e.Actor).ToListAsync();
        Assert.Equal(3, audited.Count);
        Assert.All(audited, a => Assert.Equal(added.GetProperty("publishedBy").GetString(), a));
        Assert.DoesNotContain(audited, a => a is "system" or "anonymous");
    }

    [Fact]
    public async Task A_submission_keeps_the_version_it_answered_when_the_province_changes_the_questionnaire()
    {
        var exam = _app.ApiClient(Role.ExamCentre.Id);
        var questionnaire = await exam.CurrentQuestionnaireAsync();
        var v = questionnaire.GetProperty("version").GetInt32();
        var first = questionnaire.GetProperty("questions")[0];
        var submitted = await (await exam.SubmitAsync(v, questionnaire, "Q05")).OkJsonAsync();
        Assert.Equal(v, submitted.GetProperty("questionnaireVersion").GetInt32());
        Assert.Equal(1, submitted.GetProperty("failedCount").GetInt32());
        Assert.False(submitted.GetProperty("conditionsMet").GetBoolean());

        var key = first.GetProperty("key").GetString();
        await (await _app.ApiClient(Role.ProvinceOffice.Id).PutAsJsonAsync($"/api/v1/institutions/questionnaire/questions/{key}",
            new { version = v, text = first.GetProperty("text").GetString() + "（含分支机构）" })).OkJsonAsync();

        // Answers to the old version are no longer taken; the one already submitted keeps the questions it answered.
        await (await exam.SubmitAsync(v, questionnaire)).AssertProblemAsync(HttpStatusCode.Conflict, "SELFCHECK-OUTDATED");
        var id = await _app.OrganisationAsync(Role.ExamCentre.Id);
        var history = await (await exam.GetAsync($"/api/v1/institutions/{id}/self-checks")).OkJsonAsync();
        var kept = history.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == submitted.GetProperty("id").GetGuid());
        Assert.Equal(v, kept.GetProperty("questionnaireVersion").GetInt32());
        Assert.Equal(first.GetProperty("text").GetString(), kept.GetProperty("answers")[0].GetProperty("text").GetString());

        // In the city's list the exam centre's latest answers are flagged as answering an older version.
        var line = (await _app.ApiClient(Role.CityOffice.Id).InstitutionListAsync())[id];
        Assert.True(line.GetProperty("latest").GetProperty("outdated").GetBoolean());
        var resubmitted = await (await exam.SubmitAsync()).OkJsonAsync();
        Assert.Equal(v + 1, resubmitted.GetProperty("questionnaireVersion").GetInt32());
        Assert.True(resubmitted.GetProperty("conditionsMet").GetBoolean());
    }

    [Fact]
    public async Task A_self_check_answers_every_question_and_gives_a_rectification_for_each_condition_not_met()
    {
        var training = _app.ApiClient(Role.TrainingInstitution.Id);
        var questionnaire = await training.CurrentQuestionnaireAsync();
        var v = questionnaire.GetProperty("version").GetInt32();
        var keys = questionnaire.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()!).ToList();

        var noRectification = keys.Select(k => new { key = k, met = k != keys[2], note = "" }).ToList();
        var refused = await (await training.PostAsJsonAsync("/api/v1/institutions/self-checks", new { version = v, answers = noRectification }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SELFCHECK-RECTIFICATION-REQUIRED");
        Assert.Contains(keys[2], refused.GetProperty("title").GetString());

        var missing = keys.Skip(1).Select(k => new { key = k, met = true }).ToList();
        await (await training.PostAsJsonAsync("/api/v1/institutions/self-checks", new { version = v, answers = missing }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SELFCHECK-UNANSWERED");
        var twice = keys.Select(k => new { key = k, met = true }).Append(new { key = keys[0], met = false }).ToList();
        await (await training.PostAsJsonAsync("/api/v1/institutions/self-checks", new { version = v, answers = twice }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SELFCHECK-DUPLICATE");

        var allMet = keys.Select(k => new { key = k, met = true }).ToList();
        foreach (var role in new[] { Role.CityOffice, Role.ProvinceOffice, Role.Employer })
        {
            await (await _app.ApiClient(role.Id).PostAsJsonAsync("/api/v1/institutions/self-checks", new { version = v, answers = allMet }))
                .AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }

        await using var db = _app.SystemDb();
        var own = await _app.OrganisationAsync(Role.TrainingInstitution.Id);
        var before = await db.Set<SelfCheckSubmission>().CountAsync(s => s.OrganisationId == own);
        var ok = await (await training.SubmitAsync(keys[0], keys[3])).OkJsonAsync();
        Assert.Equal(2, ok.GetProperty("failedCount").GetInt32());
        Assert.Equal($"{keys[3]} 整改：本月底前补齐。", ok.GetProperty("answers")[3].GetProperty("note").GetString());
        Assert.Equal(_app.Account(Role.TrainingInstitution.Id).UserName, ok.GetProperty("submittedBy").GetString());
        Assert.Equal(before + 1, await db.Set<SelfCheckSubmission>().CountAsync(s => s.OrganisationId == own));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(SelfCheckSubmission) && e.EntityId == ok.GetProperty("id").GetGuid().ToString()));
    }

    [Fact]
    public async Task The_city_office_sees_its_citys_institutions_the_province_all_and_an_institution_only_itself()
    {
        var (shenzhenId, shenzhen) = await _app.ShenzhenInstitutionAsync();
        await (await shenzhen.SubmitAsync("Q03", "Q06")).OkJsonAsync();
        var guangzhouTraining = await _app.OrganisationAsync(Role.TrainingInstitution.Id);
        await (await _app.ApiClient(Role.TrainingInstitution.Id).SubmitAsync("Q08")).OkJsonAsync();

        var city = _app.ApiClient(Role.CityOffice.Id);
        var mine = await city.InstitutionListAsync();
        Assert.DoesNotContain(shenzhenId, mine.Keys);
        Assert.Contains(guangzhouTraining, mine.Keys);
        Assert.Contains(await _app.OrganisationAsync(Role.ExamCentre.Id), mine.Keys);
        Assert.All(mine.Values, i => Assert.Equal(LogArrangement.Guangzhou, i.GetProperty("regionCode").GetString()));
        var latest = mine[guangzhouTraining].GetProperty("latest");
        Assert.Equal(1, latest.GetProperty("failedCount").GetInt32());
        Assert.Equal(_app.Account(Role.TrainingInstitution.Id).UserName, latest.GetProperty("submittedBy").GetString());
        // Asking for another city changes nothing for a city office; another city's institution is not there.
        Assert.Equal(mine.Keys.Order(), (await city.InstitutionListAsync(LogArrangement.Shenzhen)).Keys.Order());
        await (await city.GetAsync($"/api/v1/institutions/{shenzhenId}/self-checks")).AssertProblemAsync(HttpStatusCode.NotFound, "INSTITUTION-NOT-FOUND");

        var shenzhenOffice = await _app.ShenzhenCityOfficeAsync();
        var theirs = await shenzhenOffice.InstitutionListAsync();
        Assert.Equal(2, theirs[shenzhenId].GetProperty("latest").GetProperty("failedCount").GetInt32());
        Assert.DoesNotContain(guangzhouTraining, theirs.Keys);
        var answers = await (await shenzhenOffice.GetAsync($"/api/v1/institutions/{shenzhenId}/self-checks")).OkJsonAsync();
        Assert.Equal(["Q03", "Q06"], answers[0].GetProperty("answers").EnumerateArray()
            .Where(a => !a.GetProperty("met").GetBoolean()).Select(a => a.GetProperty("key").GetString()));

        var province = _app.ApiClient(Role.ProvinceOffice.Id);
        var all = await province.InstitutionListAsync();
        Assert.Contains(shenzhenId, all.Keys);
        Assert.Contains(guangzhouTraining, all.Keys);
        Assert.Equal([shenzhenId], (await province.InstitutionListAsync(LogArrangement.Shenzhen)).Keys);
        await (await province.GetAsync("/api/v1/institutions?city=999999")).AssertProblemAsync(HttpStatusCode.BadRequest, "SELFCHECK-CITY");

        var own = await shenzhen.InstitutionListAsync();
        Assert.Equal([shenzhenId], own.Keys);
        await (await shenzhen.GetAsync($"/api/v1/institutions/{guangzhouTraining}/self-checks")).AssertProblemAsync(HttpStatusCode.NotFound, "INSTITUTION-NOT-FOUND");
        foreach (var role in new[] { Role.Employer, Role.Police, Role.IssuingAuthority })
            await (await _app.ApiClient(role.Id).GetAsync("/api/v1/institutions")).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task The_demo_starts_with_the_exam_centres_answers_and_one_condition_not_met()
    {
        var exam = await _app.OrganisationAsync(Role.ExamCentre.Id);
        await using var db = _app.SystemDb();
        var first = await db.Set<SelfCheckSubmission>().AsNoTracking().Where(s => s.OrganisationId == exam).OrderBy(s => s.SubmittedAt).FirstAsync();

        Assert.Equal(1, first.QuestionnaireVersion);
        Assert.Equal(_app.Account(Role.ExamCentre.Id).UserName, first.SubmittedBy);
        var failed = Assert.Single(first.Failed);
        Assert.True(Http.HasChinese(failed.Note));
    }
}
