using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Institutions;
using CertGuard.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using CertGuard.Data.Accounts;

namespace CertGuard.Data.Institutions;

/// <summary>An institution and its latest self-check (null when it has not answered yet).</summary>
public sealed record SelfCheckResult(Organisation Institution, SelfCheckSubmission? Latest);

/// <summary>
/// The self-check questionnaire and its answers. The questionnaire's first version is written when it is first
/// needed; every edit publishes the next version; answers are kept, each with the version it answered.
/// </summary>
public sealed class SelfCheckBook(CertGuardDbContext db, TimeProvider clock, IActor actor)
{
    public const string ConflictCode = "SELFCHECK-CONFLICT";

    public const string OutdatedCode = "SELFCHECK-OUTDATED";

    public static readonly string[] InstitutionKinds = [Role.TrainingInstitution.Id, Role.ExamCentre.Id];

    public async Task<QuestionnaireVersion> CurrentAsync(CancellationToken ct)
    {
        if (await LatestAsync(ct) is { } latest) return latest;
        try
        {
            var first = QuestionnaireVersion.First(clock.GetUtcNow());
            db.Add(first);
            await db.SaveChangesAsync(ct);
            return first;
        }
        catch (DbUpdateException)
        {
            // Another request wrote the first version at the same moment: use theirs.
            db.ChangeTracker.Clear();
            return await LatestAsync(ct) ?? throw new InvalidOperationException("The questionnaire could not be created.");
        }
    }

    public Task<QuestionnaireVersion?> VersionAsync(int version, CancellationToken ct) =>
        db.Set<QuestionnaireVersion>().AsNoTracking().SingleOrDefaultAsync(q => q.Version == version, ct);

    public async Task<List<QuestionnaireVersion>> VersionsAsync(CancellationToken ct)
    {
        await CurrentAsync(ct);
        return await db.Set<QuestionnaireVersion>().AsNoTracking().OrderByDescending(q => q.Version).ToListAsync(ct);
    }

    /// <param name="seen">The version the editor saw: an edit of an older one is refused rather than merged.</param>
    public async Task<QuestionnaireVersion> AddAsync(int seen, string? text, string? guidance, CancellationToken ct) =>
        await PublishAsync((await SeenAsync(seen, ct)).WithAdded(text, guidance, actor.Name, clock.GetUtcNow()), ct);

    public async Task<QuestionnaireVersion> EditAsync(int seen, string key, string? text, string? guidance, CancellationToken ct) =>
        await PublishAsync((await SeenAsync(seen, ct)).WithEdited(key, text, guidance, actor.Name, clock.GetUtcNow()), ct);

    public async Task<QuestionnaireVersion> RetireAsync(int seen, string key, CancellationToken ct) =>
        await PublishAsync((await SeenAsync(seen, ct)).WithRetired(key, actor.Name, clock.GetUtcNow()), ct);

    /// <summary>Answers the current version for the institution; an answer to an older version is refused.</summary>
    public async Task<SelfCheckSubmission> SubmitAsync(
        Guid organisationId, int version, IReadOnlyDictionary<string, (bool Met, string? Note)> answers, CancellationToken ct)
    {
        var institution = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (institution is null || !InstitutionKinds.Contains(institution.Kind))
            throw Refusal.Forbidden("SELFCHECK-NOT-INSTITUTION");
        var current = await CurrentAsync(ct);
        if (version != current.Version)
            throw Refusal.Conflict("SELFCHECK-OUTDATED", ("version", current.Version));
        var submission = SelfCheckSubmission.Answer(current, answers, institution.Id, institution.Kind, institution.RegionCode, actor.Name, clock.GetUtcNow());
        db.Add(submission);
        await db.SaveChangesAsync(ct);
        return submission;
    }

    public Task<List<SelfCheckSubmission>> HistoryAsync(Guid organisationId, CancellationToken ct) =>
        db.Set<SelfCheckSubmission>().AsNoTracking().Where(s => s.OrganisationId == organisationId)
            .OrderByDescending(s => s.SubmittedAt).ToListAsync(ct);

    /// <summary>
    /// Every institution of the city (of the province when <paramref name="city"/> is null; only <paramref name="only"/>
    /// when given) with its latest self-check: conditions not met first, then those that have not answered, then those
    /// that meet them. The submissions' query filter narrows to the account's scope as well.
    /// </summary>
    public async Task<List<SelfCheckResult>> ResultsAsync(string? city, Guid? only, CancellationToken ct)
    {
        var institutions = db.Organisations.AsNoTracking().Where(o => InstitutionKinds.Contains(o.Kind));
        var submissions = db.Set<SelfCheckSubmission>().AsNoTracking();
        if (city is not null)
        {
            institutions = institutions.Where(o => o.RegionCode == city);
            submissions = submissions.Where(s => s.RegionCode == city);
        }
        if (only is { } id)
        {
            institutions = institutions.Where(o => o.Id == id);
            submissions = submissions.Where(s => s.OrganisationId == id);
        }
        // A city holds tens of institutions with a few answers each: the latest per institution is picked here.
        var latest = (await submissions.ToListAsync(ct))
            .GroupBy(s => s.OrganisationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.SubmittedAt).First());
        return (await institutions.ToListAsync(ct))
            .Select(o => new SelfCheckResult(o, latest.GetValueOrDefault(o.Id)))
            .OrderBy(r => r.Latest is null ? 1 : r.Latest.ConditionsMet ? 2 : 0)
            .ThenByDescending(r => r.Latest?.FailedCount ?? 0)
            .ThenBy(r => r.Institution.RegionCode, StringComparer.Ordinal)
            .ThenBy(r => r.Institution.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>An institution (training or exam), or null.</summary>
    public Task<Organisation?> InstitutionAsync(Guid id, CancellationToken ct) =>
        db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && InstitutionKinds.Contains(o.Kind), ct);

    private async Task<QuestionnaireVersion> SeenAsync(int seen, CancellationToken ct)
    {
        var current = await CurrentAsync(ct);
        return current.Version == seen ? current : throw Conflict();
    }

    private static DomainRuleException Conflict() => Refusal.Conflict("SELFCHECK-CONFLICT");

    private Task<QuestionnaireVersion?> LatestAsync(CancellationToken ct) =>
        db.Set<QuestionnaireVersion>().AsNoTracking().OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);

    private async Task<QuestionnaireVersion> PublishAsync(QuestionnaireVersion next, CancellationToken ct)
    {
        db.Add(next);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else published the same next version first (the version number is the key).
            db.ChangeTracker.Clear();
            throw Conflict();
        }
        return next;
    }
}
