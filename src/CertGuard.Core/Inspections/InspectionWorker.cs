using CertGuard.Core.Auditing;
using CertGuard.Core.Employers;

namespace CertGuard.Core.Inspections;

/// <summary>
/// A special-operation worker met on site, with the registry's verdict for the position (the roster check's verdicts,
/// by <see cref="RosterJudge"/>), how the worker was identified (the card's signed QR, or typed), the training record
/// and where the certificate came from, as the officers noted them.
/// </summary>
/// <summary>What the card's QR said: the check's code, and whether it failed as a forgery does (signature, format).</summary>
public sealed record QrReading(string Code, bool Forged);

[Audited]
public sealed class InspectionWorker
{
    public const int NoteMaxLength = 500;

    private InspectionWorker()
    {
        RegionCode = Name = Number = Reason = RecordedBy = ClientKey = "";
    }

    public InspectionWorker(Inspection inspection, string clientKey, string name, string number, string? position, QrReading? qr,
        RosterJudgement judgement, string? trainingRecord, string? origin, string by, DateTimeOffset at) : this()
    {
        inspection.RequireOnSite();
        Id = Guid.CreateVersion7(at);
        InspectionId = inspection.Id;
        RegionCode = inspection.RegionCode;
        OrganisationId = inspection.OrganisationId;
        ClientKey = clientKey;
        Name = name;
        Number = number;
        PositionName = Inspection.Text(position, 64);
        FromQr = qr is not null;
        QrCode = qr?.Code;
        QrForged = qr?.Forged ?? false;
        Verdict = judgement.Verdict;
        Reason = judgement.Reason;
        CertificateId = judgement.Certificate?.Id;
        ItemCode = judgement.Certificate?.ItemCode;
        TrainingRecord = Inspection.Text(trainingRecord, NoteMaxLength);
        CertificateOrigin = Inspection.Text(origin, NoteMaxLength);
        RecordedBy = by;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid InspectionId { get; private set; }

    public string RegionCode { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The submitting device's key for this entry: a replay returns this row instead of a second one.</summary>
    public string ClientKey { get; private set; }

    public string Name { get; private set; }

    /// <summary>The certificate number (the resident ID number).</summary>
    public string Number { get; private set; }

    public string? PositionName { get; private set; }

    /// <summary>Identified by scanning the card's signed QR (else typed from the card).</summary>
    public bool FromQr { get; private set; }

    /// <summary>The QR check's code (CG1-VALID, CG1-REVOKED, CG1-SIGNATURE…), when scanned.</summary>
    public string? QrCode { get; private set; }

    public RosterVerdict Verdict { get; private set; }

    public string Reason { get; private set; }

    public Guid? CertificateId { get; private set; }

    public string? ItemCode { get; private set; }

    /// <summary>培训记录: where and when the worker says it was trained, as checked on site.</summary>
    public string? TrainingRecord { get; private set; }

    /// <summary>证书来源: how the worker got the certificate (exam at…, bought online…).</summary>
    public string? CertificateOrigin { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>A scanned QR whose signature or format failed: a forged card, whatever the registry says of the number.</summary>
    public bool QrForged { get; private set; }

    public FindingType? SuggestedFinding => FindingTypes.Suggested(Verdict, QrForged);
}
