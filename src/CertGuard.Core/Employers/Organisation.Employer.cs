using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;

namespace CertGuard.Core.Organisations;

/// <summary>An employer's registration: its industry and contact, and the city office's decision on it.</summary>
public sealed partial class Organisation
{
    public const int ApprovalNoteMaxLength = 500;

    public string? Industry { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    public OrganisationApproval Approval { get; private set; }

    /// <summary>Why the registration was rejected.</summary>
    public string? ApprovalNote { get; private set; }

    public DateTimeOffset? RegisteredAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>
    /// A new employer: pending when it registered itself, approved at once when the city office registered it.
    /// The details must have been validated.
    /// </summary>
    public static Organisation RegisterEmployer(EmployerDetails details, bool byOffice, string actor, DateTimeOffset at)
    {
        var organisation = new Organisation(details.Name, Role.Employer.Id, details.RegionCode, details.CreditCode)
        {
            Industry = details.Industry,
            ContactName = details.ContactName,
            ContactPhone = details.ContactPhone,
            RegisteredAt = at,
            Approval = byOffice ? OrganisationApproval.Approved : OrganisationApproval.Pending,
        };
        if (byOffice) (organisation.DecidedAt, organisation.DecidedBy) = (at, actor);
        return organisation;
    }

    /// <summary>Sets the industry and contact of an existing employer (demo data, corrections).</summary>
    public void Describe(string industry, string? contactName, string? contactPhone)
    {
        Industry = industry;
        ContactName = contactName;
        ContactPhone = contactPhone;
    }

    public void Approve(string by, DateTimeOffset at)
    {
        if (Approval != OrganisationApproval.Pending)
            throw Refusal.Conflict("EMPLOYER-ALREADY-DECIDED");
        (Approval, ApprovalNote, DecidedBy, DecidedAt) = (OrganisationApproval.Approved, null, by, at);
    }

    public void Reject(string reason, string by, DateTimeOffset at)
    {
        if (Approval != OrganisationApproval.Pending)
            throw Refusal.Conflict("EMPLOYER-ALREADY-DECIDED");
        var text = reason.Trim();
        if (text.Length == 0 || text.Length > ApprovalNoteMaxLength)
            throw Refusal.Invalid("EMPLOYER-REJECT-REASON", ("max", ApprovalNoteMaxLength));
        (Approval, ApprovalNote, DecidedBy, DecidedAt) = (OrganisationApproval.Rejected, text, by, at);
    }
}
