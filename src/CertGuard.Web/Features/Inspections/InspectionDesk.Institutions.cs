using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Employers;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Holders;
using CertGuard.Core.Inspections;
using CertGuard.Core.Institutions;
using CertGuard.Core.Organisations;
using CertGuard.Core.Registry.Import;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using CertGuard.Data.Inspections;
using CertGuard.Web.Features.Credentials;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Inspections;

/// <summary>Inspections of training and exam institutions: which are due, their basic conditions, the questionnaire beside their self-check, and their applicants checked against the registry.</summary>
public sealed partial class InspectionDesk
{
    /// <summary>Institutions of the city not yet inspected (done) in the campaign year: the notice asks for every one.</summary>
    public async Task<IReadOnlyList<Organisation>> InstitutionsNotInspectedAsync(string? city, int year, CancellationToken ct)
    {
        string[] kinds = [Role.TrainingInstitution.Id, Role.ExamCentre.Id];
        var done = db.Set<Inspection>().Where(i => i.CampaignYear == year && i.Status == InspectionStatus.Done).Select(i => i.OrganisationId);
        var query = db.Organisations.AsNoTracking().Where(o => kinds.Contains(o.Kind) && !done.Contains(o.Id));
        if (city is not null) query = query.Where(o => o.RegionCode == city);
        return await query.OrderBy(o => o.RegionCode).ThenBy(o => o.Name).ToListAsync(ct);
    }

    /// <summary>An institution's basic conditions: the questionnaire in force, the institution's latest answers beside the inspectors'.</summary>
    public async Task<Inspection> RecordConditionsAsync(Guid id, ConditionsRequest request, CancellationToken ct)
    {
        var inspection = await OwnAsync(id, ct);
        var (questionnaire, selfCheck) = await QuestionnaireAsync(inspection, ct);
        var given = (request.Conditions ?? []).Where(c => c.Key is not null).ToDictionary(c => c.Key!, StringComparer.Ordinal);
        var missing = questionnaire.Questions.Where(q => !given.ContainsKey(q.Key)).Select(q => q.Key).ToList();
        if (missing.Count > 0) throw Refusal.Invalid("SELFCHECK-UNANSWERED", ("keys", missing));
        var checks = questionnaire.Questions.Select(q =>
        {
            var own = selfCheck?.Answers.FirstOrDefault(a => a.Key == q.Key);
            var input = given[q.Key];
            var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim()[..Math.Min(input.Note.Trim().Length, 500)];
            return new ConditionCheck(q.Key, q.Text, own?.Met, own?.Note, input.Met, note);
        }).ToList();
        inspection.RecordConditions(questionnaire.Version, selfCheck?.Id, checks);
        await SaveAsync(ct);
        return inspection;
    }

    /// <summary>The questionnaire version in force and the institution's latest self-check (null when it never answered).</summary>
    public async Task<(QuestionnaireVersion Questionnaire, SelfCheckSubmission? SelfCheck)> QuestionnaireAsync(Inspection inspection, CancellationToken ct)
    {
        var questionnaire = await db.Set<QuestionnaireVersion>().AsNoTracking().OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct)
            ?? QuestionnaireVersion.First(Now);
        var selfCheck = await db.Set<SelfCheckSubmission>().AsNoTracking()
            .Where(s => s.OrganisationId == inspection.OrganisationId).OrderByDescending(s => s.SubmittedAt).FirstOrDefaultAsync(ct);
        return (questionnaire, selfCheck);
    }

    /// <summary>Review applicants the institution handled (its review-time checks) and how many were blocked.</summary>
    public async Task<(int Checked, int Blocked)> ReviewApplicantsAsync(Guid institutionId, CancellationToken ct)
    {
        var checks = db.VerificationLog.AsNoTracking()
            .Where(r => r.Channel == Core.Verification.VerificationChannel.ReviewCheck && r.OrganisationId == institutionId);
        return (await checks.CountAsync(ct), await checks.CountAsync(r => r.Outcome != Core.Verification.VerificationOutcome.Valid && r.Outcome != Core.Verification.VerificationOutcome.ReviewDue, ct));
    }
}
