using CertGuard.Core.Auditing;

namespace CertGuard.Core.Enforcement.TypicalCases;

/// <summary>Where a typical case stands on its way to the public.</summary>
public enum TypicalCaseState
{
    /// <summary>The officer drafts it (again, when an office returned it).</summary>
    Draft,
    AwaitingCity,
    AwaitingProvince,
    Published,
    Withdrawn,
}

/// <summary>
/// A typical case (典型案例): a public summary of a closed case — date, city, what happened, the penalty — drafted by an
/// officer of the city's enforcement, approved by the city office and then the province office, published on the
/// public page and feed, and possibly withdrawn with a recorded reason. Every step that moves it towards the public
/// checks it against <see cref="PersonalDataFilter"/>.
/// </summary>
[Audited]
public sealed class TypicalCase
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;

    private TypicalCase()
    {
        RegionCode = Title = Facts = Penalty = DraftedBy = "";
    }

    public TypicalCase(Guid caseId, string regionCode, DateOnly occurredOn, string title, string facts, string penalty, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        RegionCode = regionCode;
        OccurredOn = occurredOn;
        DraftedBy = by;
        DraftedAt = at;
        State = TypicalCaseState.Draft;
        (Title, Facts, Penalty) = Checked(title, facts, penalty);
        UpdatedAt = at;
    }

    public Guid Id { get; private set; }

    /// <summary>The closed case it summarises.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The city of the case.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The date shown (the decision's).</summary>
    public DateOnly OccurredOn { get; private set; }

    public string Title { get; private set; }

    /// <summary>What happened (基本案情).</summary>
    public string Facts { get; private set; }

    /// <summary>The penalty (处罚结果).</summary>
    public string Penalty { get; private set; }

    public TypicalCaseState State { get; private set; }

    public string DraftedBy { get; private set; }

    public DateTimeOffset DraftedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? CityApprovedBy { get; private set; }

    public DateTimeOffset? CityApprovedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Why an office sent it back to the draft.</summary>
    public string? ReturnReason { get; private set; }

    public string? WithdrawnBy { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public int Version { get; private set; }

    /// <summary>Everything that goes public, for the filter.</summary>
    public string PublicText => $"{Title}\n{Facts}\n{Penalty}";

    public void Edit(string title, string facts, string penalty, DateTimeOffset at)
    {
        Require(TypicalCaseState.Draft);
        (Title, Facts, Penalty) = Checked(title, facts, penalty);
        Touch(at);
    }

    /// <summary>The officer sends the draft to the city office; nothing with personal data leaves the draft.</summary>
    public void Submit(IEnumerable<string?> knownNames, DateTimeOffset at)
    {
        Require(TypicalCaseState.Draft);
        PersonalDataFilter.Require(PublicText, knownNames);
        State = TypicalCaseState.AwaitingCity;
        ReturnReason = null;
        Touch(at);
    }

    public void ApproveByCity(IEnumerable<string?> knownNames, string by, DateTimeOffset at)
    {
        Require(TypicalCaseState.AwaitingCity);
        PersonalDataFilter.Require(PublicText, knownNames);
        State = TypicalCaseState.AwaitingProvince;
        CityApprovedBy = by;
        CityApprovedAt = at;
        Touch(at);
    }

    /// <summary>The province office approves: the case is published.</summary>
    public void Publish(IEnumerable<string?> knownNames, string by, DateTimeOffset at)
    {
        Require(TypicalCaseState.AwaitingProvince);
        PersonalDataFilter.Require(PublicText, knownNames);
        State = TypicalCaseState.Published;
        PublishedBy = by;
        PublishedAt = at;
        Touch(at);
    }

    /// <summary>An office sends it back to the officer, saying why.</summary>
    public void Return(string reason, DateTimeOffset at)
    {
        if (State is not (TypicalCaseState.AwaitingCity or TypicalCaseState.AwaitingProvince))
            throw Refusal.Conflict("TYPICAL-CASE-WRONG-STATE", ("state", State.ToString()));
        ReturnReason = Reason(reason);
        State = TypicalCaseState.Draft;
        CityApprovedBy = null;
        CityApprovedAt = null;
        Touch(at);
    }

    /// <summary>Withdrawn from the public page and feed, with who and why on record.</summary>
    public void Withdraw(string reason, string by, DateTimeOffset at)
    {
        Require(TypicalCaseState.Published);
        WithdrawalReason = Reason(reason);
        WithdrawnBy = by;
        WithdrawnAt = at;
        State = TypicalCaseState.Withdrawn;
        Touch(at);
    }

    private void Require(TypicalCaseState state)
    {
        if (State != state) throw Refusal.Conflict("TYPICAL-CASE-WRONG-STATE", ("state", State.ToString()));
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version++;
    }

    private static string Reason(string? reason)
    {
        var r = (reason ?? "").Trim();
        if (r.Length == 0) throw Refusal.Invalid("TYPICAL-CASE-REASON-REQUIRED");
        return r.Length > 500 ? r[..500] : r;
    }

    private static (string, string, string) Checked(string? title, string? facts, string? penalty)
    {
        string One(string? text, string field, int max)
        {
            var t = (text ?? "").Trim();
            if (t.Length == 0) throw Refusal.Invalid("TYPICAL-CASE-TEXT-REQUIRED", ("field", field));
            if (t.Length > max) throw Refusal.Invalid("TYPICAL-CASE-TEXT-TOO-LONG", ("field", field), ("max", max));
            return t;
        }
        return (One(title, "标题", TitleMaxLength), One(facts, "基本案情", TextMaxLength), One(penalty, "处罚结果", TextMaxLength));
    }
}
