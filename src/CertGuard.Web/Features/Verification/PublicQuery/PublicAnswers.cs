using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Web.Features.Registry;
using Microsoft.Extensions.Localization;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>
/// The answer to a public query. "No such number" and "the number is someone else's" are the same answer: found is
/// false, no certificates, the same message. A hint is given only for what the typing itself shows (a wrong check
/// character, a wrong length), never for what the registry knows.
/// </summary>
public sealed record PublicQueryAnswer(bool Found, string Message, string? Hint, IReadOnlyList<PublicCertificate> Certificates, DateTimeOffset CheckedAt);

/// <summary>One certificate as the public sees it: the ID number masked, the reason of an ending only as its kind.</summary>
public sealed record PublicCertificate(
    string MaskedNumber,
    string Name,
    string Sex,
    string CategoryCode,
    string CategoryName,
    string ItemCode,
    string ItemName,
    string State,
    string StateName,
    DateOnly? StateDate,
    string? ReasonKind,
    DateOnly FirstIssuedOn,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    DateOnly NextReviewDue,
    string Authority,
    string City);

/// <summary>Builds answers in the visitor's language (Chinese unless English was chosen).</summary>
public sealed class PublicAnswers(IStringLocalizer<SharedResource> localizer, CertificateLabels labels)
{
    // The grounds a citizen may read, by stored reason. A failed review's grounds (health, violations) and a death are
    // not published: the state says enough.
    private static readonly HashSet<string> PublishedReasons =
    [
        nameof(RevocationReason.OverdueWithoutReview), nameof(RevocationReason.PhysicallyUnfit), nameof(RevocationReason.ResponsibleForAccident),
        nameof(RevocationReason.FalseInformation), nameof(RevocationReason.FraudOrBribery),
        nameof(CancellationReason.HolderRequested), nameof(CancellationReason.CertificateRevoked), nameof(CancellationReason.HolderDied),
    ];

    public PublicQueryAnswer Found(IReadOnlyList<(PublicCertificateRow Row, CertificateState State)> certificates, DateTimeOffset at) =>
        new(true, localizer["PublicQuery.Answer.Found", certificates.Count], null, certificates.Select(c => Certificate(c.Row, c.State)).ToList(), at);

    public PublicQueryAnswer NotFound(DateTimeOffset at, IdNumberError? typing = null) =>
        new(false, localizer["PublicQuery.Answer.NotFound"], typing is null ? null : Hint(typing), [], at);

    public PublicCertificate Certificate(PublicCertificateRow row, CertificateState state) => new(
        ResidentIdNumber.Mask(row.Number),
        row.HolderName,
        localizer[row.HolderSex == Core.Holders.Sex.Male ? "Sex.Male" : "Sex.Female"],
        row.CategoryCode,
        CertificateLabels.Category(row.CategoryCode),
        row.ItemCode,
        CertificateLabels.Item(row.ItemCode),
        state.ToString(),
        labels.State(state),
        row.StateDate(state),
        ReasonKind(row, state),
        row.FirstIssuedOn,
        row.ValidFrom,
        row.ValidTo,
        row.NextReviewDue,
        row.AuthorityName ?? CertificateLabels.City(row.RegionCode),
        CertificateLabels.City(row.RegionCode));

    private string? ReasonKind(PublicCertificateRow row, CertificateState state) => state switch
    {
        CertificateState.Revoked or CertificateState.Cancelled when row.StatusReason is { } reason && PublishedReasons.Contains(reason) =>
            localizer[$"PublicQuery.Reason.{reason}"].Value,
        _ => null,
    };

    private string Hint(IdNumberError typing) => localizer[typing.Code switch
    {
        "ID-CHECK" => "PublicQuery.Hint.Check",
        "ID-LENGTH" or "ID-LEGACY-15" => "PublicQuery.Hint.Length",
        "ID-PROVINCE" => "PublicQuery.Hint.Province",
        "ID-BIRTH-DATE" or "ID-BIRTH-FUTURE" => "PublicQuery.Hint.BirthDate",
        _ => "PublicQuery.Hint.Characters",
    }];
}
