using System.Globalization;
using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Institutions;
using CertGuard.Core.Time;
using CertGuard.Core.Verification;
using CertGuard.Data.Enforcement;
using CertGuard.Data.Verification;
using Microsoft.EntityFrameworkCore;
using CertGuard.Data.Accounts;

namespace CertGuard.Data.Institutions;

/// <summary>What an institution enters from the applicant's card; category and first-issue date only when printed.</summary>
public sealed record ReviewCheckInput(string Number, string Name, string ItemCode, string? CategoryCode, DateOnly? ClaimedFirstIssuedOn);

/// <summary>The verdict, what is wrong with the card itself, where the card disagrees with the registry, and the log entry made.</summary>
public sealed record ReviewCheckResult(
    ReviewJudgement Judgement, IReadOnlyList<CardFinding> Findings, IReadOnlyList<string> Discrepancies, VerificationRecord Logged)
{
    public DateTimeOffset CheckedAt => Logged.At;
}

/// <summary>
/// The check at review (复审): looks the applicant's certificate up in the whole registry (institutions do not browse
/// it; they learn the verdict on the one certificate the applicant hands them), and records the check in the
/// verification log, which is its only record: a certificate that is not there becomes a signal for the city office.
/// </summary>
public sealed class ReviewChecker(CertGuardDbContext db, VerificationLog log, NameCheckLimits limits, TimeProvider clock, CertificateRules rules, IActor actor)
{
    /// <summary>The registry's verdict on an applicant's card, logged; refused (429) past the institution's limits.</summary>
    public async Task<ReviewCheckResult> CheckAsync(ReviewCheckInput input, Guid institutionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var bare = CardForensics.Bare(input.Number);
        var certificates = bare.Length is 0 or > VerificationRecord.NumberMaxLength
            ? []
            : await db.Certificates.IgnoreQueryFilters().AsNoTracking().Where(c => c.Number == bare).ToListAsync(ct);
        // Past its misses on the number today, or within the hour (docs/institutions.md, "Limits"): 429, decided by the
        // institution's own earlier answers, so the refusal teaches it nothing new.
        if ((await limits.BudgetAsync(institutionId, ct)).Limited(certificates.Select(c => c.Id).ToList()) is { } limited)
            throw limited.Refusal;
        var judgement = ReviewJudge.Judge(bare, input.Name, input.ItemCode, certificates, today, rules);
        var findings = CardForensics.Examine(input.Number, today, input.CategoryCode, input.ItemCode, input.ClaimedFirstIssuedOn);
        var discrepancies = judgement.Certificate is { } c ? Discrepancies(input, c) : [];

        // The certificate the number and item led to, even when the name did not match: the signal rules need it.
        var ledTo = judgement.Certificate ?? certificates.FirstOrDefault(x => x.ItemCode == input.ItemCode) ?? certificates.FirstOrDefault();
        var record = new VerificationRecord(now, VerificationChannel.ReviewCheck, judgement.Outcome, input.Number.Trim())
        {
            CertificateId = ledTo?.Id, RegionCode = ledTo?.RegionCode, ItemCode = input.ItemCode, CategoryCode = input.CategoryCode,
            ClaimedFirstIssuedOn = input.ClaimedFirstIssuedOn, OrganisationId = institutionId, AccountName = actor.Name,
        };
        await log.RecordAsync(record, ct);
        if (judgement.Blocked) await RaiseLeadAsync(record, bare, input, institutionId, now, ct);
        return new ReviewCheckResult(judgement, findings, discrepancies, record);
    }

    /// <summary>
    /// A blocked applicant is a lead for the enforcement of the institution's city (the card is suspected forged): one
    /// per number and institution while it is being worked, however often the applicant comes back.
    /// </summary>
    private async Task RaiseLeadAsync(VerificationRecord record, string bare, ReviewCheckInput input, Guid institutionId, DateTimeOffset now, CancellationToken ct)
    {
        var institution = await db.Organisations.AsNoTracking().Where(o => o.Id == institutionId).Select(o => new { o.Name, o.RegionCode }).SingleOrDefaultAsync(ct);
        if (institution is null || bare.Length is 0 or > 32) return;
        // The institution does not read leads: the rule is the platform's, so the filters are lifted for this check.
        var open = await db.InspectionLeads.IgnoreQueryFilters().AnyAsync(
            l => l.Source == LeadSources.ReviewCheck && l.OrganisationId == institutionId && l.CertificateNumber == bare && l.Status != LeadStatus.Closed, ct);
        if (open) return;
        var summary = $"“{institution.Name}”复审核验拦截：申请人{input.Name.Trim()}所持{OperationCatalogue.Current.ItemName(input.ItemCode)}证"
                      + $"（证号 {Core.Holders.ResidentIdNumber.Mask(bare)}）登记库中没有，疑似伪造。";
        await db.RaiseOnceAsync(new InspectionLead(institution.RegionCode, LeadSources.ReviewCheck, summary, actor.Name, now)
        {
            CertificateNumber = bare, OrganisationId = institutionId, SourceId = record.Id,
        }, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The institution's own review checks, newest first, from the verification log.</summary>
    public Task<List<VerificationRecord>> RecentAsync(Guid institutionId, int limit, CancellationToken ct) =>
        db.VerificationLog.AsNoTracking()
            .Where(r => r.Channel == VerificationChannel.ReviewCheck && r.OrganisationId == institutionId)
            .OrderByDescending(r => r.At).Take(limit).ToListAsync(ct);

    private static List<string> Discrepancies(ReviewCheckInput input, Certificate c)
    {
        var found = new List<string>();
        if (input.CategoryCode is { Length: > 0 } category && category != c.CategoryCode)
            found.Add($"证上的作业类别（{OperationCatalogue.Current.CategoryName(category)}）与登记库（{OperationCatalogue.Current.CategoryName(c.CategoryCode)}）不一致，证件可能被涂改。");
        if (input.ClaimedFirstIssuedOn is { } first && first != c.FirstIssuedOn)
            found.Add($"证上的初领日期（{Date(first)}）与登记库（{Date(c.FirstIssuedOn)}）不一致，证件可能被涂改。");
        return found;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
