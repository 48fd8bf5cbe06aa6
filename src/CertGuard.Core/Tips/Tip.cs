using CertGuard.Core.Auditing;

namespace CertGuard.Core.Tips;

/// <summary>
/// A tip from the public (举报). What it says (where, what happened, who reports) is sealed: encrypted with the tip's
/// own data key, which is stored only wrapped, once under a key from the receipt and once under the office key. The
/// receipt itself is kept only as an Argon2id verifier. No client address, browser or account is ever stored here.
/// </summary>
[Audited]
public sealed class Tip
{
    private Tip()
    {
        RegionCode = Department = LookupId = OfficeKeyId = "";
        ReceiptSalt = ReceiptVerifier = OfficeKeyWrap = SealedReport = [];
    }

    public Tip(Guid id, string regionCode, TipKind kind, TipChannel channel, bool named, DateTimeOffset at, DateOnly checkDue)
        : this()
    {
        Id = id;
        RegionCode = regionCode;
        Department = TipDepartments.Emergency;
        Kind = kind;
        Channel = channel;
        Named = named;
        ReceivedAt = at;
        LastReporterActivityAt = at;
        CheckDueOn = checkDue;
    }

    public Guid Id { get; private set; }

    /// <summary>The city whose office works it (the province office may route it to another).</summary>
    public string RegionCode { get; private set; }

    /// <summary>The department it is routed to: one of <see cref="TipDepartments"/>.</summary>
    public string Department { get; private set; }

    public TipKind Kind { get; private set; }

    public TipChannel Channel { get; private set; }

    /// <summary>The reporter gave a real name and phone (sealed); only such a reporter is paid directly.</summary>
    public bool Named { get; private set; }

    public TipState State { get; private set; } = TipState.Received;

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Keyed hash of the receipt's first digits: finds the tip without trying every verifier.</summary>
    public string LookupId { get; private set; }

    public byte[] ReceiptSalt { get; private set; }

    /// <summary>Derived from the Argon2id hash of the receipt; the receipt itself is never stored.</summary>
    public byte[] ReceiptVerifier { get; private set; }

    /// <summary>The data key wrapped under a key derived from the receipt and the office key; null once the receipt expired.</summary>
    public byte[]? ReporterKeyWrap { get; private set; }

    /// <summary>The data key wrapped under the office key (held outside the database).</summary>
    public byte[] OfficeKeyWrap { get; private set; }

    /// <summary>Which office key wrapped it (the external key's id), so a rotated key still opens older tips.</summary>
    public string OfficeKeyId { get; private set; }

    /// <summary>Where, what happened and the reporter's name and phone, encrypted with the data key.</summary>
    public byte[] SealedReport { get; private set; }

    /// <summary>The receipt stops working after a period without the reporter's activity.</summary>
    public DateTimeOffset LastReporterActivityAt { get; private set; }

    /// <summary>The officer assigned: the only one who reads the tip's material.</summary>
    public string? AssignedTo { get; private set; }

    public DateOnly CheckDueOn { get; private set; }

    public DateOnly? ExtensionRequestedTo { get; private set; }

    public string? ExtensionRequestedBy { get; private set; }

    public string? ExtensionApprovedBy { get; private set; }

    public DateTimeOffset? CheckEndedAt { get; private set; }

    /// <summary>The reporter hears the outcome by this day (TIP-FEEDBACK after the check ends).</summary>
    public DateOnly? FeedbackDueOn { get; private set; }

    /// <summary>The enforcement lead it became.</summary>
    public Guid? LeadId { get; private set; }

    /// <summary>The office asked web watch to look at a suspect site named in the tip.</summary>
    public bool SuspectSiteRaised { get; private set; }

    /// <summary>The web-watch suspect (site or listing) it became.</summary>
    public Guid? SuspectId { get; private set; }

    /// <summary>The earlier tip on the same matter that this one was merged into.</summary>
    public Guid? MergedIntoId { get; private set; }

    public int Version { get; private set; }

    public bool IsCheckOpen => State is TipState.Received or TipState.Assigned or TipState.Checking;

    public void Seal(string lookupId, byte[] salt, byte[] verifier, byte[] reporterWrap, byte[] officeWrap, string officeKeyId, byte[] report)
    {
        LookupId = lookupId;
        ReceiptSalt = salt;
        ReceiptVerifier = verifier;
        ReporterKeyWrap = reporterWrap;
        OfficeKeyWrap = officeWrap;
        OfficeKeyId = officeKeyId;
        SealedReport = report;
    }

    public void TouchByReporter(DateTimeOffset at) => LastReporterActivityAt = at;

    /// <summary>An expired receipt can never open the tip again: its wrap of the data key is dropped.</summary>
    public void ForgetReceipt()
    {
        ReporterKeyWrap = null;
        Version++;
    }

    public void Assign(string officer, DateTimeOffset at)
    {
        RequireOpen();
        if (string.IsNullOrWhiteSpace(officer)) throw Refusal.Invalid("TIP-OFFICER-REQUIRED");
        AssignedTo = officer.Trim();
        if (State == TipState.Received) State = TipState.Assigned;
        Version++;
        _ = at;
    }

    /// <summary>The province office routes a tip to another city or department; the new office assigns it again.</summary>
    public void Route(string regionCode, string department)
    {
        RequireOpen();
        if (!TipDepartments.All.Contains(department)) throw Refusal.Invalid("TIP-DEPARTMENT-UNKNOWN", ("department", department));
        RegionCode = regionCode;
        Department = department;
        AssignedTo = null;
        State = TipState.Received;
        Version++;
    }

    public void BecameLead(Guid leadId, bool suspectSite) => Became(leadId, null, suspectSite);

    /// <summary>The tip became a lead, a web-watch suspect, or both; the check follows them from now on.</summary>
    public void Became(Guid? leadId, Guid? suspectId, bool suspectSite = false)
    {
        RequireOpen();
        if (LeadId is not null || SuspectId is not null) throw Refusal.Conflict("TIP-ALREADY-LEAD");
        LeadId = leadId;
        SuspectId = suspectId;
        SuspectSiteRaised = suspectSite || suspectId is not null;
        State = TipState.Checking;
        Version++;
    }

    public void MergeInto(Tip other)
    {
        RequireOpen();
        if (other.Id == Id || other.MergedIntoId is not null || other.RegionCode != RegionCode) throw Refusal.Conflict("TIP-MERGE-TARGET");
        MergedIntoId = other.Id;
        Version++;
    }

    public void RequestExtension(DateOnly to, DateOnly latest, string by)
    {
        RequireOpen();
        if (to <= CheckDueOn || to > latest) throw Refusal.Invalid("TIP-EXTENSION-RANGE", ("latest", latest.ToString("yyyy-MM-dd")));
        ExtensionRequestedTo = to;
        ExtensionRequestedBy = by;
        Version++;
    }

    public void ApproveExtension(string by)
    {
        if (ExtensionRequestedTo is not { } to) throw Refusal.Conflict("TIP-NO-EXTENSION-REQUEST");
        if (by == ExtensionRequestedBy) throw Refusal.Forbidden("TIP-EXTENSION-SELF");
        CheckDueOn = to;
        ExtensionApprovedBy = by;
        ExtensionRequestedTo = null;
        Version++;
    }

    /// <summary>The check ended: the reporter must hear the outcome within the feedback limit.</summary>
    public void Conclude(bool substantiated, DateTimeOffset at, DateOnly feedbackDue)
    {
        if (!IsCheckOpen && State != TipState.NotSubstantiated && State != TipState.Substantiated) throw Refusal.Conflict("TIP-CLOSED");
        if (State == (substantiated ? TipState.Substantiated : TipState.NotSubstantiated)) return;
        State = substantiated ? TipState.Substantiated : TipState.NotSubstantiated;
        CheckEndedAt ??= at;
        FeedbackDueOn ??= feedbackDue;
        Version++;
    }

    public void MarkRewarded()
    {
        State = TipState.Rewarded;
        Version++;
    }

    private void RequireOpen()
    {
        if (!IsCheckOpen || MergedIntoId is not null) throw Refusal.Conflict("TIP-CLOSED");
    }
}
