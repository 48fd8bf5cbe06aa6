using CertGuard.Core.Auditing;

namespace CertGuard.Core.Inspections;

/// <summary>
/// A typed finding of an inspection, about a worker met or the organisation, with its evidence files. Findings that
/// may end in a penalty raise a lead in the city's inbox (<see cref="LeadId"/>), from which a case is opened.
/// </summary>
[Audited]
public sealed class InspectionFinding
{
    public const int TextMaxLength = 1000;

    private InspectionFinding()
    {
        RegionCode = Description = RecordedBy = ClientKey = "";
    }

    public InspectionFinding(Inspection inspection, InspectionWorker? worker, FindingType type, string? description, string clientKey, string by, DateTimeOffset at)
        : this()
    {
        inspection.RequireOnSite();
        if (type.IsAboutWorker() && worker is null) throw Refusal.Invalid("INSPECTION-FINDING-WORKER", ("type", type.ChineseName()));
        if (worker is not null && worker.InspectionId != inspection.Id) throw Refusal.Invalid("INSPECTION-FINDING-WORKER", ("type", type.ChineseName()));
        // An institution's conditions and penalty belong to institutions, an employer's files to employers.
        if (type.IsForInstitution() != (inspection.Target == InspectionTarget.Institution) && !type.IsAboutWorker())
            throw Refusal.Invalid("INSPECTION-FINDING-TYPE", ("type", type.ChineseName()));
        Id = Guid.CreateVersion7(at);
        InspectionId = inspection.Id;
        RegionCode = inspection.RegionCode;
        OrganisationId = inspection.OrganisationId;
        WorkerId = worker?.Id;
        CertificateNumber = worker is { Number.Length: > 0 } ? worker.Number : null;
        Type = type;
        Description = Inspection.Text(description, TextMaxLength) ?? (worker is null ? type.ChineseName() : $"{worker.Name}：{worker.Reason}");
        ClientKey = clientKey;
        RecordedBy = by;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid InspectionId { get; private set; }

    public string RegionCode { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? WorkerId { get; private set; }

    public string? CertificateNumber { get; private set; }

    public FindingType Type { get; private set; }

    public string Description { get; private set; }

    public string ClientKey { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The lead raised for it in the city's inbox.</summary>
    public Guid? LeadId { get; private set; }

    public void LeadRaised(Guid leadId) => LeadId = leadId;
}
