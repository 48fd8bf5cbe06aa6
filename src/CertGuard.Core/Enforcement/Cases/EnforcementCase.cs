using CertGuard.Core.Auditing;
using CertGuard.Core.Enforcement.Clocks;
using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Enforcement.Penalties;
using CertGuard.Core.Time;

namespace CertGuard.Core.Enforcement.Cases;

/// <summary>
/// An administrative case (行政案件) of a city's enforcement, from the leads it was opened from to closing. Its stages
/// are <see cref="CaseProcedure"/>'s data; each asks for its documents before the case moves on. Every change bumps
/// <see cref="Version"/>, so two officers working one case at once cannot both win.
/// </summary>
[Audited]
public sealed class EnforcementCase
{
    public const int TextMaxLength = 1000;
    private const char Separator = ',';

    private readonly List<CaseEntry> _entries = [];
    private readonly List<CaseFileDocument> _documents = [];
    private readonly List<CaseFineLine> _fines = [];
    private readonly List<CaseClockDecision> _clockDecisions = [];

    private EnforcementCase()
    {
        RegionCode = Title = OpenedBy = AuthorityName = "";
        CertificateNumbersText = ViolationCodesText = LeadIdsText = JointDepartmentsText = "";
    }

    public EnforcementCase(CaseOpening opening, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        RegionCode = opening.RegionCode;
        AuthorityId = opening.AuthorityId;
        AuthorityName = opening.AuthorityName;
        Title = Trim(opening.Title, TextMaxLength);
        if (Title.Length == 0) throw Refusal.Invalid("CASE-TITLE-REQUIRED");
        PersonName = Blank(opening.PersonName);
        OrganisationId = opening.OrganisationId;
        OrganisationName = Blank(opening.OrganisationName);
        if (PersonName is null && OrganisationId is null && OrganisationName is null) throw Refusal.Invalid("CASE-PARTY-REQUIRED");
        CertificateNumbersText = Join(opening.CertificateNumbers);
        ViolationCodesText = Join(opening.ViolationCodes);
        LeadIdsText = Join(opening.LeadIds.Select(l => l.ToString()));
        JointDepartmentsText = "";
        LifeOrSafety = opening.LifeOrSafety;
        ViolationOn = opening.ViolationOn ?? ChinaTime.DateOf(at);
        Stage = CaseStage.Filing;
        OpenedBy = by;
        OpenedAt = at;
        Log(CaseEntryKind.Opened, Title, by, null, at);
    }

    public Guid Id { get; private set; }

    /// <summary>The city whose enforcement handles it.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The handling authority (办案机关), the organisation of the officer who opened it.</summary>
    public Guid? AuthorityId { get; private set; }

    public string AuthorityName { get; private set; }

    /// <summary>案由.</summary>
    public string Title { get; private set; }

    /// <summary>The person concerned (当事人: a holder), when there is one.</summary>
    public string? PersonName { get; private set; }

    /// <summary>The organisation concerned (an employer or institution), when there is one.</summary>
    public Guid? OrganisationId { get; private set; }

    public string? OrganisationName { get; private set; }

    public string CertificateNumbersText { get; private set; }

    public string ViolationCodesText { get; private set; }

    public string LeadIdsText { get; private set; }

    /// <summary>Invited departments (role ids: police, market-regulation, cyberspace), ",police,cyberspace," style.</summary>
    public string JointDepartmentsText { get; private set; }

    /// <summary>Life, health or safety is involved: the limitation is the longer one (CASE-LIMITATION-SAFETY).</summary>
    public bool LifeOrSafety { get; private set; }

    /// <summary>The day the violation was found, from which the limitation runs.</summary>
    public DateOnly ViolationOn { get; private set; }

    /// <summary>A major decision: legal review and collective discussion are needed before the notice.</summary>
    public bool Major { get; private set; }

    public CaseStage Stage { get; private set; }

    public string OpenedBy { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public string? FilingApprovedBy { get; private set; }

    /// <summary>立案: the approval of filing; the decision clock runs from here.</summary>
    public DateTimeOffset? FiledAt { get; private set; }

    /// <summary>When the 行政处罚告知书 was issued; the hearing-request clock runs from here.</summary>
    public DateTimeOffset? NoticeAt { get; private set; }

    public DateTimeOffset? HearingRequestedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>The decision records a major hidden hazard (重大事故隐患).</summary>
    public bool MajorHiddenHazard { get; private set; }

    public DateTimeOffset? ServedAt { get; private set; }

    public long PaidYuan { get; private set; }

    public long SurchargeYuan { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<CaseEntry> Entries => _entries;

    public IReadOnlyList<CaseFileDocument> Documents => _documents;

    public IReadOnlyList<CaseFineLine> Fines => _fines;

    public IReadOnlyList<CaseClockDecision> ClockDecisions => _clockDecisions;

    public IReadOnlyList<string> CertificateNumbers => Split(CertificateNumbersText);

    public IReadOnlyList<string> ViolationCodes => Split(ViolationCodesText);

    public IReadOnlyList<Guid> LeadIds => [.. Split(LeadIdsText).Select(Guid.Parse)];

    public IReadOnlyList<string> JointDepartments => Split(JointDepartmentsText);

    public long FineYuan => _fines.Sum(f => f.AmountYuan);

    public bool IsClosed => Stage == CaseStage.Closed;

    public bool HasDocument(CaseDocumentKind kind) => _documents.Any(d => d.Kind == kind);

    /// <summary>The documents the current stage still needs.</summary>
    public IReadOnlyList<CaseDocumentKind> MissingDocuments() =>
        [.. CaseProcedure.Rule(Stage).RequiredDocuments.Where(k => !HasDocument(k)).Concat(ExtraMissing())];

    public void MarkMajor(bool major, string by, DateTimeOffset at)
    {
        RequireBefore(CaseStage.Notice);
        if (Major == major) return;
        Major = major;
        Touch(CaseEntryKind.Record, major ? "认定为重大案件：须法制审核和集体讨论" : "取消重大案件认定", by, null, at);
    }

    /// <summary>The enforcement lead approves filing (立案).</summary>
    public void ApproveFiling(string by, DateTimeOffset at)
    {
        RequireStage(CaseStage.Filing);
        if (FiledAt is not null) throw Refusal.Conflict("CASE-FILING-APPROVED");
        FilingApprovedBy = by;
        FiledAt = at;
        Touch(CaseEntryKind.FilingApproved, "批准立案", by, null, at);
    }

    public void AddRecord(CaseEntryKind kind, string text, string by, string? department, DateTimeOffset at)
    {
        RequireOpen();
        if (kind is not (CaseEntryKind.Record or CaseEntryKind.Evidence or CaseEntryKind.JointRecord))
            throw Refusal.Invalid("CASE-RECORD-KIND");
        var trimmed = Trim(text, CaseEntry.TextMaxLength);
        if (trimmed.Length == 0) throw Refusal.Invalid("CASE-TEXT-REQUIRED");
        Touch(kind, trimmed, by, department, at);
    }

    public CaseFileDocument AddDocument(CaseDocumentKind kind, string number, string body, string by, DateTimeOffset at)
    {
        RequireOpen();
        if (kind == CaseDocumentKind.PenaltyDecision && DecidedAt is null) throw Refusal.Conflict("CASE-NOT-DECIDED");
        var document = new CaseFileDocument(Id, kind, number, body, by, at);
        _documents.Add(document);
        if (kind == CaseDocumentKind.PenaltyNotice) NoticeAt ??= at;
        Touch(CaseEntryKind.Document, $"{kind.Title()} {number}", by, null, at);
        return document;
    }

    /// <summary>The party asks for a hearing after the notice (听证申请).</summary>
    public void RequestHearing(string by, DateTimeOffset at)
    {
        RequireStage(CaseStage.Notice);
        if (NoticeAt is null) throw Refusal.Conflict("CASE-DOCUMENT-MISSING", ("document", CaseDocumentKind.PenaltyNotice.Title()));
        if (HearingRequestedAt is not null) return;
        HearingRequestedAt = at;
        Touch(CaseEntryKind.HearingRequested, "当事人申请听证", by, null, at);
    }

    /// <summary>Moves to the next stage that applies, when the current one has its documents.</summary>
    public void Advance(string by, DateTimeOffset at)
    {
        RequireOpen();
        if (Stage == CaseStage.Filing && FiledAt is null) throw Refusal.Conflict("CASE-FILING-NOT-APPROVED");
        if (Stage == CaseStage.Decision && DecidedAt is null) throw Refusal.Conflict("CASE-NOT-DECIDED");
        if (Stage == CaseStage.Service && ServedAt is null) throw Refusal.Conflict("CASE-NOT-SERVED");
        if (Stage == CaseStage.Closing) throw Refusal.Conflict("CASE-CLOSE-BY-LEAD");
        var missing = MissingDocuments();
        if (missing.Count > 0) throw Refusal.Conflict("CASE-DOCUMENT-MISSING", ("document", missing[0].Title()));
        var next = CaseProcedure.Next(this);
        Stage = next;
        Touch(CaseEntryKind.StageAdvanced, $"进入「{CaseProcedure.Rule(next).Name}」", by, null, at);
    }

    /// <summary>The decision (决定): its lines already checked against the legal range (<see cref="PenaltyAdvisor"/>).</summary>
    public void Decide(IReadOnlyList<(PenaltyLine Line, string LegalBasis)> lines, bool majorHiddenHazard, string by, DateTimeOffset at)
    {
        RequireStage(CaseStage.Decision);
        if (DecidedAt is not null) throw Refusal.Conflict("CASE-DECIDED");
        if (lines.Count == 0) throw Refusal.Invalid("CASE-DECISION-LINES");
        foreach (var (line, basis) in lines) _fines.Add(new CaseFineLine(Id, line, basis, at));
        MajorHiddenHazard = majorHiddenHazard;
        DecidedAt = at;
        DecidedBy = by;
        var text = string.Join("；", lines.Select(l => $"{l.Line.PartyName}：{l.Line.Measures}，罚款{l.Line.Fine}元（{l.LegalBasis}）"));
        Touch(CaseEntryKind.Decided, majorHiddenHazard ? text + "；认定为重大事故隐患" : text, by, null, at);
    }

    public void Serve(string how, string by, DateTimeOffset at)
    {
        RequireStage(CaseStage.Service);
        if (ServedAt is not null) throw Refusal.Conflict("CASE-SERVED");
        ServedAt = at;
        Touch(CaseEntryKind.Served, Trim(how, 200) is { Length: > 0 } h ? $"送达：{h}" : "送达", by, null, at);
    }

    /// <summary>A payment of the fine, with the late surcharge due on its day (加处罚款, computed by the clocks).</summary>
    public void RecordPayment(long amountYuan, long surchargeYuan, string by, DateTimeOffset at)
    {
        RequireStage(CaseStage.Execution);
        if (amountYuan <= 0 || surchargeYuan < 0) throw Refusal.Invalid("CASE-PAYMENT-AMOUNT");
        PaidYuan += amountYuan;
        SurchargeYuan = surchargeYuan;
        PaidAt = at;
        Touch(CaseEntryKind.Payment, surchargeYuan > 0 ? $"缴纳罚款{amountYuan}元（含加处罚款{surchargeYuan}元）" : $"缴纳罚款{amountYuan}元", by, null, at);
    }

    /// <summary>结案, by the enforcement lead, with the closing report and the file's index in the file.</summary>
    public void Close(string by, DateTimeOffset at)
    {
        RequireStage(CaseStage.Closing);
        var missing = MissingDocuments();
        if (missing.Count > 0) throw Refusal.Conflict("CASE-DOCUMENT-MISSING", ("document", missing[0].Title()));
        Stage = CaseStage.Closed;
        ClosedBy = by;
        ClosedAt = at;
        Touch(CaseEntryKind.Closed, "结案", by, null, at);
    }

    public void Invite(string department, string by, DateTimeOffset at)
    {
        RequireOpen();
        if (JointDepartments.Contains(department)) return;
        JointDepartmentsText = Join([.. JointDepartments, department]);
        Touch(CaseEntryKind.DepartmentInvited, department, by, null, at);
    }

    public bool Invited(string department) => JointDepartments.Contains(department);

    /// <summary>An approved pause of a clock (中止), with its reason; it holds until <see cref="ResumeClock"/>.</summary>
    public void PauseClock(string clockCode, string reason, string approvedBy, DateTimeOffset at)
    {
        RequireOpen();
        var why = Trim(reason, CaseClockDecision.ReasonMaxLength);
        LegalClock.CheckPause(new ClockPause(at, null, why, approvedBy));
        if (IsPaused(clockCode)) throw Refusal.Conflict("CASE-CLOCK-PAUSED", ("clock", clockCode));
        _clockDecisions.Add(new CaseClockDecision(Id, clockCode, ClockDecisionKind.Pause, at, 0, why, approvedBy, at));
        Touch(CaseEntryKind.ClockDecision, $"{clockCode} 中止：{why}", approvedBy, null, at);
    }

    public void ResumeClock(string clockCode, string approvedBy, DateTimeOffset at)
    {
        RequireOpen();
        var pause = _clockDecisions.FirstOrDefault(d => d.ClockCode == clockCode && d.IsOpenPause)
            ?? throw Refusal.Conflict("CASE-CLOCK-NOT-PAUSED", ("clock", clockCode));
        pause.End(at);
        Touch(CaseEntryKind.ClockDecision, $"{clockCode} 恢复计算", approvedBy, null, at);
    }

    /// <summary>An approved extension of a clock (延长) by natural days, with its reason.</summary>
    public void ExtendClock(string clockCode, int days, string reason, string approvedBy, DateTimeOffset at)
    {
        RequireOpen();
        var why = Trim(reason, CaseClockDecision.ReasonMaxLength);
        LegalClock.CheckExtension(new ClockExtension(days, why, approvedBy));
        _clockDecisions.Add(new CaseClockDecision(Id, clockCode, ClockDecisionKind.Extend, null, days, why, approvedBy, at));
        Touch(CaseEntryKind.ClockDecision, $"{clockCode} 延长{days}日：{why}", approvedBy, null, at);
    }

    public bool IsPaused(string clockCode) => _clockDecisions.Any(d => d.ClockCode == clockCode && d.IsOpenPause);

    public IReadOnlyList<ClockPause> PausesOf(string clockCode) =>
        [.. _clockDecisions.Where(d => d.ClockCode == clockCode && d.Kind == ClockDecisionKind.Pause).Select(d => d.AsPause())];

    public IReadOnlyList<ClockExtension> ExtensionsOf(string clockCode) =>
        [.. _clockDecisions.Where(d => d.ClockCode == clockCode && d.Kind == ClockDecisionKind.Extend).Select(d => d.AsExtension())];

    /// <summary>A note on the timeline that a revocation request went to the issuing authority.</summary>
    public void NoteRevocationRequest(string certificateNumber, string by, DateTimeOffset at) =>
        Touch(CaseEntryKind.RevocationRequested, $"向发证机关提出撤销证书 {certificateNumber} 的建议", by, null, at);

    private IEnumerable<CaseDocumentKind> ExtraMissing()
    {
        // Execution ends with the fine paid in full (and its surcharge), or with an application for enforcement.
        if (Stage == CaseStage.Execution && FineYuan > 0 && PaidYuan < FineYuan && !HasDocument(CaseDocumentKind.EnforcementApplication))
            yield return CaseDocumentKind.EnforcementApplication;
    }

    private void Touch(CaseEntryKind kind, string text, string by, string? department, DateTimeOffset at)
    {
        Log(kind, text, by, department, at);
        Version++;
    }

    private void Log(CaseEntryKind kind, string text, string by, string? department, DateTimeOffset at) =>
        _entries.Add(new CaseEntry(Id, kind, text, by, department, at));

    private void RequireOpen()
    {
        if (IsClosed) throw Refusal.Conflict("CASE-CLOSED");
    }

    private void RequireStage(CaseStage stage)
    {
        RequireOpen();
        if (Stage != stage) throw Refusal.Conflict("CASE-WRONG-STAGE", ("stage", CaseProcedure.Rule(Stage).Name));
    }

    private void RequireBefore(CaseStage stage)
    {
        RequireOpen();
        if (Stage >= stage) throw Refusal.Conflict("CASE-WRONG-STAGE", ("stage", CaseProcedure.Rule(Stage).Name));
    }

    private static string Trim(string? text, int max)
    {
        var t = (text ?? "").Trim();
        return t.Length > max ? t[..max] : t;
    }

    private static string? Blank(string? text) => Trim(text, 200) is { Length: > 0 } t ? t : null;

    private static string Join(IEnumerable<string> values)
    {
        var list = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "" : Separator + string.Join(Separator, list) + Separator;
    }

    private static string[] Split(string text) => text.Split(Separator, StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>What a case is opened with.</summary>
public sealed record CaseOpening(
    string RegionCode,
    Guid? AuthorityId,
    string AuthorityName,
    string Title,
    string? PersonName,
    Guid? OrganisationId,
    string? OrganisationName,
    IReadOnlyList<string> CertificateNumbers,
    IReadOnlyList<string> ViolationCodes,
    IReadOnlyList<Guid> LeadIds,
    bool LifeOrSafety,
    DateOnly? ViolationOn = null);
