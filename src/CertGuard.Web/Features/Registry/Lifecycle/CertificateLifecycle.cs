using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry.Lifecycle;

/// <summary>
/// The issuing authority's actions on certificates, shared by the API and the pages. Each runs a transition of the
/// domain (which refuses what Order No. 30 forbids) and saves it with the version the officer saw; the save writes
/// the history entry and the audit entries. Refusals are <see cref="DomainRuleException"/>s with a stable code.
/// </summary>
public sealed class CertificateLifecycle(CertGuardDbContext db, TimeProvider clock, CertificateRules rules)
{
    private const int MaxNoteLength = 500;
    private const int MaxNameLength = 64;

    public async Task<Certificate> IssueAsync(IssueCertificateRequest input, LifecycleOfficer officer, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        if (!ResidentIdNumber.TryParse(CertificateNumber.Normalize(input.IdNumber ?? ""), today, out var holder, out var error))
            throw new DomainRuleException(error.Code, error.Message);
        var name = ValidName(input.HolderName) ?? "";
        if (input.EmployerId is { } employer && !await db.Organisations.AnyAsync(o => o.Id == employer && o.Kind == Role.Employer.Id, ct))
            throw new DomainRuleException("CERT-EMPLOYER-UNKNOWN", "所选用人单位未在平台登记。");
        var request = new IssueRequest(holder, name, (input.ItemCode ?? "").Trim(), input.IssuedOn ?? today,
            officer.CityCode, officer.AuthorityId, input.EmployerId, officer.Name, input.NameChangeConfirmed);

        // The holder's records in every city count: one live certificate per item, and a bar after fraud, are the
        // holder's, not a city's.
        var records = await db.Certificates.IgnoreQueryFilters().Include(c => c.History)
            .Where(c => c.Number == holder.Value).ToListAsync(ct);
        var earlier = IssueEligibility.Check(request, records, clock);
        if (earlier is null)
        {
            var certificate = Certificate.Issue(request, rules, clock);
            db.Certificates.Add(certificate);
            await SaveAsync(() => RegisteredAsync(certificate.Number, certificate.ItemCode, ct), ct);
            return certificate;
        }
        var version = earlier.Version;
        earlier.IssueAgain(request, rules, clock);
        await SaveAsync(() => ChangedSinceAsync(earlier.Id, version, ct), ct);
        return earlier;
    }

    public Task<Certificate?> ReviewAsync(Guid id, ReviewRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c =>
        {
            var on = EffectiveOn(c, r.ReviewedOn);
            LifecycleChecks.EnsureOverrideExplained(r.OutsideWindowApproved, r.Note);
            var note = OverrideNote(r.OutsideWindowApproved, r.Note);
            var reasons = Reasons<ReviewFailureReason>(r.FailureReasons, "CERT-REVIEW-REASON-UNKNOWN", "复审不合格原因");
            if (r.Passed)
            {
                if (reasons.Count > 0)
                    throw new DomainRuleException("CERT-REVIEW-REASON-UNEXPECTED", "复审合格时不应填写不合格原因。");
                c.PassReview(on, officer.Name, rules, clock, r.OutsideWindowApproved, note);
            }
            else
            {
                c.FailReview(on, reasons, officer.Name, rules, clock, r.OutsideWindowApproved, note);
            }
        }, ct);

    public Task<Certificate?> GrantExtendedIntervalAsync(Guid id, ExtendedIntervalRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c => c.GrantExtendedReviewInterval(r.ContinuousYears, r.HasViolations, officer.Name, rules, clock), ct);

    public Task<Certificate?> RenewAsync(Guid id, RenewalRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c =>
        {
            var on = EffectiveOn(c, r.RenewedOn);
            LifecycleChecks.EnsureOverrideExplained(r.OutsideWindowApproved, r.Note);
            c.Renew(on, officer.Name, rules, clock, r.OutsideWindowApproved, OverrideNote(r.OutsideWindowApproved, r.Note));
        }, ct);

    public Task<Certificate?> RevokeAsync(Guid id, RevocationRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c =>
        {
            var reason = Reason<RevocationReason>(r.Reason, "CERT-REVOCATION-REASON", "撤销原因");
            c.Revoke(reason, EffectiveOn(c, r.RevokedOn), officer.Name, rules, clock, Note(r.Note));
        }, ct);

    public Task<Certificate?> CancelAsync(Guid id, CancellationRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c =>
        {
            var reason = Reason<CancellationReason>(r.Reason, "CERT-CANCELLATION-REASON", "注销原因");
            c.Cancel(reason, EffectiveOn(c, r.CancelledOn), officer.Name, clock, Note(r.Note));
        }, ct);

    public Task<Certificate?> ReissueAsync(Guid id, ReissueRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c => c.Reissue(officer.Name, clock, Note(r.Note)), ct);

    public Task<Certificate?> ReplaceAsync(Guid id, ReplacementRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c => c.Replace(ValidName(r.NewHolderName), officer.Name, clock, Note(r.Note)), ct);

    /// <summary>
    /// Loads the certificate within the officer's scope (null when it is not there: another city's is not found),
    /// refuses a stale version, applies the change and saves it. <paramref name="change"/> runs between the load and
    /// the save, so a change another officer saves meanwhile is caught by the version check of the save itself.
    /// </summary>
    public async Task<Certificate?> ChangeAsync(Guid id, int version, Action<Certificate> change, CancellationToken ct)
    {
        if (version <= 0)
            throw new DomainRuleException("CERT-VERSION-REQUIRED", "请提供您所看到的证书版本号（version），以免覆盖他人的修改。");
        var certificate = await db.Certificates.Include(c => c.History).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null) return null;
        if (certificate.ReceivedByExchange)
            throw new DomainRuleException("CERT-EXCHANGED", "该证书由外省发证并经全国平台交换而来，只能由原发证机关办理。");
        if (certificate.Version != version) throw Conflict();
        change(certificate);
        await SaveAsync(() => ChangedSinceAsync(id, version, ct), ct);
        return certificate;
    }

    /// <summary>
    /// Saves; a save that fails because another officer's change came first is a conflict. That shows as a stale
    /// version token, or (when the new history entry is inserted before the certificate is updated) as a duplicate of
    /// the history's (certificate, version) key or of the registry's (number, item) key: the database is asked
    /// whether the record moved on rather than the provider's error codes.
    /// </summary>
    private async Task SaveAsync(Func<Task<bool>> changedMeanwhile, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict();
        }
        catch (DbUpdateException)
        {
            if (await changedMeanwhile()) throw Conflict();
            throw;
        }
    }

    private async Task<bool> ChangedSinceAsync(Guid id, int version, CancellationToken ct) =>
        await db.Certificates.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).SingleOrDefaultAsync(ct) != version;

    private Task<bool> RegisteredAsync(string number, string itemCode, CancellationToken ct) =>
        db.Certificates.IgnoreQueryFilters().AsNoTracking().AnyAsync(c => c.Number == number && c.ItemCode == itemCode, ct);

    private static DomainRuleException Conflict() =>
        new("CERT-CONFLICT", "该证书已被他人修改或刚刚登记，您看到的不是最新版本。请刷新页面，核对最新信息后重新办理。");

    private DateOnly EffectiveOn(Certificate certificate, DateOnly? on)
    {
        var day = on ?? ChinaTime.Today(clock);
        LifecycleChecks.EnsureEffectiveOn(certificate, day, clock);
        return day;
    }

    private static string? OverrideNote(bool approved, string? note) =>
        approved ? $"经发证机关批准在复审期外办理：{Note(note)}" : Note(note);

    private static string? Note(string? note)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > MaxNoteLength })
            throw new DomainRuleException("CERT-NOTE-TOO-LONG", $"备注不能超过{MaxNoteLength}个字。");
        return text;
    }

    private static string? ValidName(string? name)
    {
        var text = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (text is { Length: > MaxNameLength })
            throw new DomainRuleException("CERT-NAME-TOO-LONG", $"持证人姓名不能超过{MaxNameLength}个字。");
        return text;
    }

    private static T Reason<T>(string? name, string code, string what) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(name)
            ? throw new DomainRuleException(code, $"请选择{what}。")
            : Reasons<T>([name], code, what)[0];

    private static List<T> Reasons<T>(string[]? names, string code, string what) where T : struct, Enum =>
        (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase).Select(n =>
        {
            // By name only: Enum.TryParse would also take "3" or "A,B".
            var known = Enum.GetNames<T>().FirstOrDefault(k => string.Equals(k, n.Trim(), StringComparison.OrdinalIgnoreCase));
            return known is null
                ? throw new DomainRuleException(code, $"{what}“{n}”无效，可用值：{string.Join("、", Enum.GetNames<T>())}。")
                : Enum.Parse<T>(known);
        }).ToList();
}
