using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry.Lifecycle;

/// <summary>
/// The issuing authority's actions on certificates, shared by the API and the pages. Each runs a transition of the
/// domain (which refuses what Order No. 30 forbids) and saves it with the version the officer saw; the save writes
/// the history entry and the audit entries. Refusals are <see cref="DomainRuleException"/>s with a stable code.
/// </summary>
// The rules of a change are those in force on its date (docs/reference-data.md), an issue's catalogue too.
public sealed class CertificateLifecycle(CertGuardDbContext db, TimeProvider clock, ReferenceDataProvider reference)
{
    private const int MaxNoteLength = 500;
    private const int MaxNameLength = 64;

    public async Task<Certificate> IssueAsync(IssueCertificateRequest input, LifecycleOfficer officer, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        if (!ResidentIdNumber.TryParse(CertificateNumber.Normalize(input.IdNumber ?? ""), today, out var holder, out var error))
            throw error.ToRefusal();
        var name = ValidName(input.HolderName) ?? "";
        if (input.EmployerId is { } employer && !await db.Organisations.AnyAsync(o => o.Id == employer && o.Kind == Role.Employer.Id, ct))
            throw Refusal.Invalid("CERT-EMPLOYER-UNKNOWN");
        var request = new IssueRequest(holder, name, (input.ItemCode ?? "").Trim(), input.IssuedOn ?? today,
            officer.CityCode, officer.AuthorityId, input.EmployerId, officer.Name, input.NameChangeConfirmed);

        // The holder's records in every city count: one live certificate per item, and a bar after fraud, are the
        // holder's, not a city's.
        var records = await db.Certificates.IgnoreQueryFilters().Include(c => c.History)
            .Where(c => c.Number == holder.Value).ToListAsync(ct);
        var earlier = IssueEligibility.Check(request, records, clock);
        if (earlier is null)
        {
            var inForce = reference.Current.InForce(request.IssuedOn);
            var certificate = Certificate.Issue(request, inForce.Rules, clock, inForce.Catalogue);
            db.Certificates.Add(certificate);
            await SaveAsync(() => RegisteredAsync(certificate.Number, certificate.ItemCode, ct), ct);
            return certificate;
        }
        var version = earlier.Version;
        var then = reference.Current.InForce(request.IssuedOn);
        earlier.IssueAgain(request, then.Rules, clock, then.Catalogue);
        await SaveAsync(() => ChangedSinceAsync(earlier.Id, version, ct), ct);
        return earlier;
    }

    public Task<Certificate?> ReviewAsync(Guid id, ReviewRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c =>
        {
            var on = EffectiveOn(c, r.ReviewedOn);
            LifecycleChecks.EnsureOverrideExplained(r.OutsideWindowApproved, r.Note);
            var note = OverrideNote(r.OutsideWindowApproved, r.Note);
            var reasons = Reasons<ReviewFailureReason>(r.FailureReasons, allowed => Refusal.Invalid("CERT-REVIEW-REASON-UNKNOWN", ("allowed", allowed)));
            if (r.Passed)
            {
                if (reasons.Count > 0)
                    throw Refusal.Invalid("CERT-REVIEW-REASON-UNEXPECTED");
                c.PassReview(on, officer.Name, reference.RulesOn(on), clock, r.OutsideWindowApproved, note);
            }
            else
            {
                c.FailReview(on, reasons, officer.Name, reference.RulesOn(on), clock, r.OutsideWindowApproved, note);
            }
        }, ct);

    public Task<Certificate?> GrantExtendedIntervalAsync(Guid id, ExtendedIntervalRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c => c.GrantExtendedReviewInterval(r.ContinuousYears, r.HasViolations, officer.Name, reference.Today.Rules, clock), ct);

    public Task<Certificate?> RenewAsync(Guid id, RenewalRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c =>
        {
            var on = EffectiveOn(c, r.RenewedOn);
            LifecycleChecks.EnsureOverrideExplained(r.OutsideWindowApproved, r.Note);
            c.Renew(on, officer.Name, reference.RulesOn(on), clock, r.OutsideWindowApproved, OverrideNote(r.OutsideWindowApproved, r.Note));
        }, ct);

    public Task<Certificate?> RevokeAsync(Guid id, RevocationRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c =>
        {
            var reason = Reason<RevocationReason>(r.Reason, allowed => Refusal.Invalid("CERT-REVOCATION-REASON", ("allowed", allowed)));
            var on = EffectiveOn(c, r.RevokedOn);
            c.Revoke(reason, on, officer.Name, reference.RulesOn(on), clock, Note(r.Note));
        }, ct);

    public Task<Certificate?> CancelAsync(Guid id, CancellationRequest r, LifecycleOfficer officer, CancellationToken ct) =>
        ChangeAsync(id, r.Version, c =>
        {
            var reason = Reason<CancellationReason>(r.Reason, allowed => Refusal.Invalid("CERT-CANCELLATION-REASON", ("allowed", allowed)));
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
            throw Refusal.Invalid("CERT-VERSION-REQUIRED");
        var certificate = await db.Certificates.Include(c => c.History).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null) return null;
        if (certificate.ReceivedByExchange)
            throw Refusal.Forbidden("CERT-EXCHANGED");
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

    private static DomainRuleException Conflict() => Refusal.Conflict("CERT-CONFLICT");

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
            throw Refusal.Invalid("CERT-NOTE-TOO-LONG", ("max", MaxNoteLength));
        return text;
    }

    private static string? ValidName(string? name)
    {
        var text = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (text is { Length: > MaxNameLength })
            throw Refusal.Invalid("CERT-NAME-TOO-LONG", ("max", MaxNameLength));
        return text;
    }

    // The refusal names the allowed values: a missing one and an unknown one get the same answer.
    private static T Reason<T>(string? name, Func<string[], DomainRuleException> refusal) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(name)
            ? throw refusal(Enum.GetNames<T>())
            : Reasons<T>([name], refusal)[0];

    private static List<T> Reasons<T>(string[]? names, Func<string[], DomainRuleException> refusal) where T : struct, Enum =>
        (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase).Select(n =>
        {
            // By name only: Enum.TryParse would also take "3" or "A,B".
            var known = Enum.GetNames<T>().FirstOrDefault(k => string.Equals(k, n.Trim(), StringComparison.OrdinalIgnoreCase));
            return known is null
                ? throw refusal(Enum.GetNames<T>())
                : Enum.Parse<T>(known);
        }).ToList();
}
