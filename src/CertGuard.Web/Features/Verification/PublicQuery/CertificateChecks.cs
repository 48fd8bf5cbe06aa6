using CertGuard.Core.Accounts;
using CertGuard.Core.Holders;
using CertGuard.Core.Verification;
using CertGuard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>One logged check of a certificate, with the asking organisation's name and kind where one asked.</summary>
public sealed record CheckEntry(
    DateTimeOffset At,
    VerificationChannel Channel,
    VerificationOutcome Outcome,
    Guid? CertificateId,
    string? OrganisationName,
    string? OrganisationKind,
    string? OrganisationRegion,
    string? AccountName,
    string? Origin);

/// <summary>What the holder reads of one check: when, how, who as an organisation, what it found; no origin, no account.</summary>
public sealed record HolderCheck(DateTimeOffset At, string Channel, string Asker, string Result);

/// <summary>The holder's certificate (masked) and its latest checks, newest first.</summary>
public sealed record HolderChecksAnswer(string MaskedNumber, string Name, string ItemCode, string ItemName, string Message, IReadOnlyList<HolderCheck> Checks);

/// <summary>Who checked a certificate, newest first, from the verification log (index CertificateId, At).</summary>
public sealed class CertificateChecks(CertGuardDbContext db, IStringLocalizer<SharedResource> localizer)
{
    public const int HolderLimit = 100;
    public const int OfficialLimit = 50;

    private static readonly HashSet<string> NamedAskers = [Role.Employer.Id, Role.TrainingInstitution.Id, Role.ExamCentre.Id];

    public async Task<IReadOnlyList<CheckEntry>> ForAsync(IReadOnlyCollection<Guid> certificateIds, int take, CancellationToken ct)
    {
        var ids = certificateIds.Select(id => (Guid?)id).ToList();
        return await (
                from r in db.VerificationLog.AsNoTracking()
                where ids.Contains(r.CertificateId)
                join o in db.Organisations.AsNoTracking() on r.OrganisationId equals (Guid?)o.Id into askers
                from o in askers.DefaultIfEmpty()
                orderby r.At descending
                select new CheckEntry(r.At, r.Channel, r.Outcome, r.CertificateId, o == null ? null : o.Name, o == null ? null : o.Kind, o == null ? null : o.RegionCode, r.AccountName, r.Origin))
            .Take(take).ToListAsync(ct);
    }

    /// <summary>
    /// The holder's view: an employer or institution by its kind and city, never its name (the QR is printed on the
    /// card and employers keep copies of their workers' cards: a name here would tell one employer where else a
    /// worker was checked, docs/public-query.md); an official as "authority"; anyone else as the public.
    /// </summary>
    public HolderChecksAnswer ForHolder(PublicCertificateRow certificate, IReadOnlyList<CheckEntry> entries) => new(
        ResidentIdNumber.Mask(certificate.Number),
        certificate.HolderName,
        certificate.ItemCode,
        Registry.CertificateLabels.Item(certificate.ItemCode),
        localizer["PublicQuery.Checks.Found", entries.Count],
        entries.Select(e => new HolderCheck(e.At, Channel(e.Channel), Asker(e), Outcome(e.Outcome))).ToList());

    private string Asker(CheckEntry entry) =>
        entry.OrganisationKind is { } kind && NamedAskers.Contains(kind)
            ? localizer[$"PublicQuery.Asker.{kind}", Registry.CertificateLabels.City(entry.OrganisationRegion ?? "")]
            : entry.AccountName is not null ? localizer["PublicQuery.Asker.Official"] : localizer["PublicQuery.Asker.Public"];

    public string Channel(VerificationChannel channel) => localizer[$"PublicQuery.Channel.{channel}"];

    public string Outcome(VerificationOutcome outcome) => localizer[$"PublicQuery.Outcome.{outcome}"];
}
