using CertGuard.Core.Auditing;
using CertGuard.Core.Holders;

namespace CertGuard.Core.Employers;

/// <summary>
/// One row of a roster check: the worker as the file wrote him, his position and the verdict. The rows of the
/// current check are the employer's workforce; those of earlier checks stay as the history.
/// </summary>
[NotAudited("audited as its roster check's snapshot (who, file, counts), not row by row")]
public sealed class RosterRow
{
    public const int NumberMaxLength = 32;
    public const int ReasonMaxLength = 300;

    private RosterRow()
    {
        Name = Number = Reason = "";
    }

    public Guid Id { get; private set; }

    public Guid CheckId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The row as the spreadsheet numbers it (the header is row 1).</summary>
    public int Row { get; private set; }

    public string Name { get; private set; }

    /// <summary>The number as written, normalised (no leading T, ASCII), at most <see cref="NumberMaxLength"/> characters.</summary>
    public string Number { get; private set; }

    public Guid? PositionId { get; private set; }

    /// <summary>The position's name at the time of the check; null for a row that names none.</summary>
    public string? PositionName { get; private set; }

    public RosterVerdict Verdict { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The item of the certificate the verdict rests on.</summary>
    public string? ItemCode { get; private set; }

    public Guid? CertificateId { get; private set; }

    /// <summary>The city of that certificate's issuing authority.</summary>
    public string? CertificateRegion { get; private set; }

    public bool IsCounted => Verdict.IsCounted();

    public static RosterRow Checked(Guid checkId, Guid organisationId, int row, string name, string number, Position? position, RosterJudgement judgement) =>
        new()
        {
            Id = Guid.CreateVersion7(), CheckId = checkId, OrganisationId = organisationId, Row = row, Name = Clip(name, HolderNames.MaxLength),
            Number = Clip(number, NumberMaxLength), PositionId = position?.Id, PositionName = position?.Name, Verdict = judgement.Verdict,
            Reason = Clip(judgement.Reason, ReasonMaxLength), ItemCode = judgement.Certificate?.ItemCode,
            CertificateId = judgement.Certificate?.Id, CertificateRegion = judgement.Certificate?.RegionCode,
        };

    public static RosterRow Bad(Guid checkId, Guid organisationId, int row, string name, string number, string? positionName, string reason) =>
        new()
        {
            Id = Guid.CreateVersion7(), CheckId = checkId, OrganisationId = organisationId, Row = row, Name = Clip(name, HolderNames.MaxLength),
            Number = Clip(number, NumberMaxLength), PositionName = string.IsNullOrEmpty(positionName) ? null : Clip(positionName, Position.NameMaxLength),
            Verdict = RosterVerdict.BadRow, Reason = Clip(reason, ReasonMaxLength),
        };

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
