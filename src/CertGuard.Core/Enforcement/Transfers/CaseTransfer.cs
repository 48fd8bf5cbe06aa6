using CertGuard.Core.Auditing;

namespace CertGuard.Core.Enforcement.Transfers;

/// <summary>
/// A transfer of an administrative case to the city's public security bureau (移送涉嫌犯罪案件, 国务院令第310号 as revised
/// in 2020, 应急〔2019〕54号): the officers' report, the agency head's approval or refusal, the transfer with its package,
/// the police's acceptance and decision (立案 / 不予立案) with the notice back, a contested refusal (复议, or the
/// procuratorate's supervision) and, once filed, what the police counted for the campaign. Its clocks are
/// <see cref="TransferClocks"/>'s; every change bumps <see cref="Version"/>.
/// </summary>
[Audited]
public sealed class CaseTransfer
{
    public const int TextMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int MinOfficers = 2;
    public const int MaxCount = 100_000;

    private CaseTransfer()
    {
        RegionCode = AuthorityName = CaseTitle = Party = OfficersText = Facts = SeizedItemsText = ReportedBy = "";
    }

    public CaseTransfer(Guid caseId, string regionCode, string authorityName, string caseTitle, string party, TransferReport report, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        RegionCode = regionCode;
        AuthorityName = authorityName;
        CaseTitle = caseTitle;
        Party = party;
        OfficersText = "";
        Facts = SeizedItemsText = "";
        ReportedBy = by;
        ReportedAt = at;
        State = TransferState.Reported;
        Apply(report);
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The city: the agency's, and the public security bureau's the transfer goes to.</summary>
    public string RegionCode { get; private set; }

    public string AuthorityName { get; private set; }

    public string CaseTitle { get; private set; }

    /// <summary>当事人, as the case names them (shown to the police, who receive the case).</summary>
    public string Party { get; private set; }

    /// <summary>The reporting officers' names, one a line (at least <see cref="MinOfficers"/>).</summary>
    public string OfficersText { get; private set; }

    public TransferReason Reason { get; private set; }

    public string Facts { get; private set; }

    public string? InvestigationReport { get; private set; }

    /// <summary>涉案物品清单, one item a line: name TAB count.</summary>
    public string SeizedItemsText { get; private set; }

    public string? AppraisalReport { get; private set; }

    public string? OtherEvidence { get; private set; }

    public string ReportedBy { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public TransferState State { get; private set; }

    /// <summary>The agency head who approved or refused.</summary>
    public string? HeadDecidedBy { get; private set; }

    public DateTimeOffset? HeadDecidedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>The head's reason not to transfer: the recorded, approved reason that resolves a 以罚代刑 flag.</summary>
    public string? RefusalReason { get; private set; }

    public string? TransferredBy { get; private set; }

    public DateTimeOffset? TransferredAt { get; private set; }

    /// <summary>The number of the 涉嫌犯罪案件移送书 (穗应急移〔2026〕3号).</summary>
    public string? LetterNumber { get; private set; }

    public string? AcceptedBy { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? PoliceDecidedBy { get; private set; }

    public DateTimeOffset? PoliceDecidedAt { get; private set; }

    /// <summary>The police's first decision: true 立案, false 不予立案.</summary>
    public bool? PoliceFiled { get; private set; }

    public string? PoliceReason { get; private set; }

    /// <summary>The police's case number, when filed.</summary>
    public string? PoliceCaseNumber { get; private set; }

    /// <summary>When the police sent the written notice of the decision back to the agency.</summary>
    public DateTimeOffset? NotifiedAt { get; private set; }

    public string? ReconsiderationAskedBy { get; private set; }

    public DateTimeOffset? ReconsiderationAskedAt { get; private set; }

    public string? ReconsiderationReason { get; private set; }

    public DateTimeOffset? ReconsiderationAnsweredAt { get; private set; }

    public string? ReconsiderationAnswer { get; private set; }

    public string? ProcuratorateAskedBy { get; private set; }

    public DateTimeOffset? ProcuratorateAskedAt { get; private set; }

    public string? ProcuratorateNote { get; private set; }

    /// <summary>When the police filed (first decision or on reconsideration): the moment rows 36–40 count.</summary>
    public DateTimeOffset? FiledAt { get; private set; }

    public int SuspectsCaught { get; private set; }

    public int DensDestroyed { get; private set; }

    public int WebsiteGangsBroken { get; private set; }

    public int ForgedCertificatesSeized { get; private set; }

    public FakeChannel? Channel { get; private set; }

    /// <summary>The web-watch suspect website the fakes came from, when known.</summary>
    public Guid? SuspectId { get; private set; }

    public string? CountsRecordedBy { get; private set; }

    public DateTimeOffset? CountsRecordedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<string> Officers => OfficersText.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<SeizedItem> SeizedItems =>
        [.. SeizedItemsText.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t')).Select(p => new SeizedItem(p[0], int.TryParse(p.ElementAtOrDefault(1), out var n) ? n : 0))];

    /// <summary>Sent to the police and not withdrawn: what resolves a 以罚代刑 flag (with <see cref="TransferState.Refused"/>).</summary>
    public bool IsSent => State >= TransferState.Transferred;

    /// <summary>The package's parts still missing, by their document titles (the letter is generated at the transfer).</summary>
    public IReadOnlyList<string> MissingPackage()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(InvestigationReport)) missing.Add(TransferPackage.InvestigationReportTitle);
        if (SeizedItems.Count == 0) missing.Add(TransferPackage.SeizedItemsTitle);
        if (string.IsNullOrWhiteSpace(AppraisalReport)) missing.Add(TransferPackage.AppraisalTitle);
        if (string.IsNullOrWhiteSpace(OtherEvidence)) missing.Add(TransferPackage.EvidenceTitle);
        return missing;
    }

    /// <summary>Officers complete or correct the report and its package before it is sent.</summary>
    public void Revise(TransferReport report, string by, DateTimeOffset at)
    {
        Require(TransferState.Reported, TransferState.Approved);
        Apply(report);
        _ = by;
        _ = at;
        Version++;
    }

    /// <summary>The agency head (执法负责人) approves the transfer.</summary>
    public void Approve(string by, DateTimeOffset at)
    {
        Require(TransferState.Reported);
        State = TransferState.Approved;
        HeadDecidedBy = by;
        HeadDecidedAt = ApprovedAt = at;
        Version++;
    }

    /// <summary>The agency head refuses, with the reason (recorded: the approved reason not to transfer).</summary>
    public void Refuse(string reason, string by, DateTimeOffset at)
    {
        Require(TransferState.Reported);
        RefusalReason = RequireReason(reason);
        State = TransferState.Refused;
        HeadDecidedBy = by;
        HeadDecidedAt = at;
        Version++;
    }

    /// <summary>Sends the approved transfer with its package; an incomplete package is refused.</summary>
    public void Send(string letterNumber, string by, DateTimeOffset at)
    {
        Require(TransferState.Approved);
        RequirePackage();
        LetterNumber = letterNumber;
        TransferredBy = by;
        TransferredAt = at;
        State = TransferState.Transferred;
        Version++;
    }

    /// <summary>Checks the package is complete (TRANSFER-PACKAGE-INCOMPLETE names the first part missing).</summary>
    public void RequirePackage()
    {
        var missing = MissingPackage();
        if (missing.Count > 0) throw Refusal.Conflict("TRANSFER-PACKAGE-INCOMPLETE", ("document", missing[0]));
    }

    /// <summary>受理 by the police.</summary>
    public void Accept(string by, DateTimeOffset at)
    {
        Require(TransferState.Transferred);
        AcceptedBy = by;
        AcceptedAt = at;
        State = TransferState.Accepted;
        Version++;
    }

    /// <summary>立案 or 不予立案, with the reason.</summary>
    public void Decide(bool file, string reason, string? policeCaseNumber, string by, DateTimeOffset at)
    {
        Require(TransferState.Accepted);
        PoliceReason = RequireReason(reason);
        PoliceFiled = file;
        PoliceDecidedBy = by;
        PoliceDecidedAt = at;
        PoliceCaseNumber = Blank(policeCaseNumber, 64);
        State = file ? TransferState.Filed : TransferState.NotFiled;
        if (file) FiledAt = at;
        Version++;
    }

    /// <summary>The written notice of the decision sent back to the agency (copy to the procuratorate).</summary>
    public void Notify(DateTimeOffset at)
    {
        if (PoliceDecidedAt is null) throw Refusal.Conflict("TRANSFER-WRONG-STATE", ("state", State.ChineseName()));
        if (NotifiedAt is not null) return;
        NotifiedAt = at;
        Version++;
    }

    /// <summary>The agency asks the police to reconsider a refusal (once).</summary>
    public void AskReconsideration(string reason, string by, DateTimeOffset at)
    {
        Require(TransferState.NotFiled);
        if (ReconsiderationAskedAt is not null) throw Refusal.Conflict("TRANSFER-RECONSIDERED");
        ReconsiderationReason = RequireReason(reason);
        ReconsiderationAskedBy = by;
        ReconsiderationAskedAt = at;
        State = TransferState.ReconsiderationAsked;
        Version++;
    }

    /// <summary>The police's answer to the reconsideration: file after all, or keep the refusal, with the reason.</summary>
    public void AnswerReconsideration(bool file, string reason, string? policeCaseNumber, string by, DateTimeOffset at)
    {
        Require(TransferState.ReconsiderationAsked);
        ReconsiderationAnswer = RequireReason(reason);
        ReconsiderationAnsweredAt = at;
        _ = by;
        if (file)
        {
            State = TransferState.Filed;
            FiledAt = at;
            PoliceCaseNumber = Blank(policeCaseNumber, 64) ?? PoliceCaseNumber;
        }
        else
        {
            State = TransferState.NotFiled;
        }
        Version++;
    }

    /// <summary>The agency's request that the procuratorate supervise the refusal (立案监督), recorded.</summary>
    public void AskProcuratorate(string note, string by, DateTimeOffset at)
    {
        Require(TransferState.NotFiled);
        ProcuratorateNote = RequireReason(note);
        ProcuratorateAskedBy = by;
        ProcuratorateAskedAt = at;
        State = TransferState.ProcuratorateAsked;
        Version++;
    }

    /// <summary>What the police counted on the filed case (replaces an earlier record).</summary>
    public void RecordCounts(CampaignCounts counts, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Require(TransferState.Filed);
        foreach (var n in new[] { counts.SuspectsCaught, counts.DensDestroyed, counts.WebsiteGangsBroken, counts.ForgedCertificatesSeized })
            if (n is < 0 or > MaxCount) throw Refusal.Invalid("TRANSFER-COUNT-RANGE", ("max", MaxCount));
        SuspectsCaught = counts.SuspectsCaught;
        DensDestroyed = counts.DensDestroyed;
        WebsiteGangsBroken = counts.WebsiteGangsBroken;
        ForgedCertificatesSeized = counts.ForgedCertificatesSeized;
        Channel = counts.Channel;
        SuspectId = counts.SuspectId;
        CountsRecordedBy = by;
        CountsRecordedAt = at;
        Version++;
    }

    private void Apply(TransferReport report)
    {
        var officers = report.Officers.Select(o => (o ?? "").Trim()).Where(o => o.Length > 0).Select(o => o.Length > 64 ? o[..64] : o)
            .Distinct(StringComparer.Ordinal).ToList();
        if (officers.Count < MinOfficers) throw Refusal.Invalid("TRANSFER-OFFICERS-REQUIRED", ("min", MinOfficers));
        if (!Enum.IsDefined(report.Reason)) throw Refusal.Invalid("TRANSFER-REASON-UNKNOWN", ("reason", report.Reason.ToString()));
        var facts = Blank(report.Facts, TextMaxLength) ?? throw Refusal.Invalid("TRANSFER-FACTS-REQUIRED");
        var items = new List<string>();
        foreach (var item in report.SeizedItems)
        {
            var name = (item.Name ?? "").Trim().Replace('\t', ' ').Replace('\n', ' ');
            if (name.Length == 0 || name.Length > 200 || item.Count is < 1 or > MaxCount)
                throw Refusal.Invalid("TRANSFER-SEIZED-ITEM", ("item", name));
            items.Add($"{name}\t{item.Count}");
        }
        OfficersText = string.Join('\n', officers);
        Reason = report.Reason;
        Facts = facts;
        InvestigationReport = Blank(report.InvestigationReport, TextMaxLength);
        SeizedItemsText = string.Join('\n', items);
        if (SeizedItemsText.Length > TextMaxLength) throw Refusal.Invalid("TRANSFER-SEIZED-ITEM", ("item", items[^1].Split('\t')[0]));
        AppraisalReport = Blank(report.AppraisalReport, TextMaxLength);
        OtherEvidence = Blank(report.OtherEvidence, TextMaxLength);
    }

    private void Require(params TransferState[] states)
    {
        if (!states.Contains(State)) throw Refusal.Conflict("TRANSFER-WRONG-STATE", ("state", State.ChineseName()));
    }

    private static string RequireReason(string? reason) =>
        Blank(reason, ReasonMaxLength) ?? throw Refusal.Invalid("TRANSFER-REASON-REQUIRED");

    private static string? Blank(string? text, int max)
    {
        var t = (text ?? "").Trim();
        if (t.Length > max) t = t[..max];
        return t.Length == 0 ? null : t;
    }
}
