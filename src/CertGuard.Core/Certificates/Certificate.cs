using CertGuard.Core.Catalogue;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Core.Auditing;

namespace CertGuard.Core.Certificates;

/// <summary>
/// A special operations certificate (特种作业操作证): one holder, one operation item. Its number is the holder's
/// resident ID number, so (number, item) is its key. Valid 6 years, reviewed every 3 (or 6 when granted).
/// </summary>
[Audited]
public sealed partial class Certificate
{
    private readonly List<CertificateEvent> _history = [];

    private Certificate()
    {
        Number = HolderName = CategoryCode = ItemCode = RegionCode = "";
    }

    /// <summary>The holder's resident ID number, bare (cards print it with a leading T).</summary>
    public string Number { get; private set; }

    public Guid Id { get; private set; }

    public string HolderName { get; private set; }

    public Sex HolderSex { get; private set; }

    public string CategoryCode { get; private set; }

    public string ItemCode { get; private set; }

    public DateOnly FirstIssuedOn { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day of validity, inclusive, in UTC+8.</summary>
    public DateOnly ValidTo { get; private set; }

    public DateOnly NextReviewDue { get; private set; }

    /// <summary>The authority consented to a 6-year review interval.</summary>
    public bool ExtendedReviewInterval { get; private set; }

    /// <summary>The city of the issuing authority; data scope follows it.</summary>
    public string RegionCode { get; private set; }

    public Guid IssuingAuthorityId { get; private set; }

    /// <summary>The holder's employer as registered, if any.</summary>
    public Guid? EmployerId { get; private set; }

    public CertificateStatus Status { get; private set; }

    public DateOnly? StatusChangedOn { get; private set; }

    /// <summary>Machine-readable reason of the last status change (an enum name).</summary>
    public string? StatusReason { get; private set; }

    /// <summary>Set when a revocation for fraud or false information bars a new application until this date.</summary>
    public DateOnly? ReapplicationBarredUntil { get; private set; }

    /// <summary>The status list this certificate's revocation bit lives in (CG1 claim <c>sl</c>).</summary>
    public string? StatusListId { get; private set; }

    public int? StatusIndex { get; private set; }

    /// <summary>Its status-list bit: set while it is revoked, cancelled or invalid (suspended).</summary>
    public bool StatusBit => Status != CertificateStatus.Active;

    /// <summary>
    /// The state as of the day it was last worked out (<see cref="IndexState"/>), stored so that the registry search finds
    /// "every certificate in this state, newest first" in an index. Never read it as the state: it is only that until
    /// <see cref="IndexedStateUntil"/>, and <see cref="StateOn(DateOnly, CertificateRules)"/> is the rule.
    /// </summary>
    public CertificateState IndexedState { get; private set; }

    /// <summary>
    /// The day <see cref="IndexedState"/> stops holding by dates alone (<see cref="CertificateStates.ChangesOn"/>);
    /// <see cref="DateOnly.MinValue"/> when it was never worked out (a row from before the column, a save without the
    /// rules): the search reads such rows by their dates until the daily job works it out.
    /// </summary>
    public DateOnly IndexedStateUntil { get; private set; }

    /// <summary>Optimistic concurrency: bumped by every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<CertificateEvent> History => _history;

    public string PrintedNumber => "T" + Number;

    public string MaskedNumber => ResidentIdNumber.Mask(Number);

    /// <summary>The history in the order it happened.</summary>
    public IEnumerable<CertificateEvent> Chronicle => _history.OrderBy(e => e.Version);

    public IEnumerable<CertificateEvent> Reviews =>
        Chronicle.Where(e => e.Kind is CertificateEventKind.ReviewPassed or CertificateEventKind.ReviewFailed);

    /// <param name="catalogue">The catalogue in force on the issue date; the shipped one for that date when null.</param>
    public static Certificate Issue(IssueRequest request, CertificateRules rules, TimeProvider clock, OperationCatalogue? catalogue = null)
    {
        var item = CheckIssue(request, rules, clock, catalogue);
        var certificate = new Certificate
        {
            Id = Guid.CreateVersion7(),
            Number = request.Holder.Value,
            HolderName = request.HolderName.Trim(),
            HolderSex = request.Holder.Sex,
            CategoryCode = item.CategoryCode,
            ItemCode = item.Code,
            FirstIssuedOn = request.IssuedOn,
            RegionCode = request.RegionCode,
            IssuingAuthorityId = request.IssuingAuthorityId,
            EmployerId = request.EmployerId,
            Status = CertificateStatus.Active,
        };
        certificate.StartValidity(request.IssuedOn, rules);
        certificate.Record(CertificateEventKind.Issued, request.IssuedOn, request.Actor, null, null, clock);
        return certificate;
    }

    private static OperationItem CheckIssue(IssueRequest request, CertificateRules rules, TimeProvider clock, OperationCatalogue? catalogue)
    {
        // Only an item of the catalogue in force on the issue date, and not withdrawn from it, may be issued.
        var item = IssuableItem(request, catalogue)
            ?? throw Refusal.Invalid("CERT-ITEM-UNKNOWN", ("item", request.ItemCode));
        if (string.IsNullOrWhiteSpace(request.HolderName))
            throw Refusal.Invalid("CERT-NAME-REQUIRED");
        HolderNames.Require(request.HolderName);
        if (request.Holder.AgeOn(request.IssuedOn) < rules.MinimumAgeAtIssue)
            throw Refusal.Invalid("CERT-UNDER-AGE", ("age", rules.MinimumAgeAtIssue));
        if (request.IssuedOn > ChinaTime.Today(clock))
            throw Refusal.Invalid("CERT-DATE-FUTURE");
        return item;
    }

    private static OperationItem? IssuableItem(IssueRequest request, OperationCatalogue? catalogue) =>
        (catalogue ?? ReferenceData.ReferenceDataSet.Shipped.CatalogueOn(request.IssuedOn)).FindItem(request.ItemCode) is { Withdrawn: false } item ? item : null;

    /// <summary>
    /// Gives the certificate its place on a status list. It keeps it until a new card is made (补发, 更换, 换证, a new
    /// issue after the old one ended): then <see cref="ReleaseStatusEntry"/> gives the place up and the next save
    /// assigns a fresh one.
    /// </summary>
    public void AssignStatusEntry(string listId, int index)
    {
        if (StatusListId is not null) throw Refusal.Conflict("CERT-STATUS-ASSIGNED");
        StatusListId = listId;
        StatusIndex = index;
    }

    /// <summary>
    /// A new card replaces the old one: the old card's status-list place is given up. The data layer retires it (its
    /// bit set for good, never handed out again), so the old card fails offline as revoked, and assigns a new place.
    /// </summary>
    private void ReleaseStatusEntry()
    {
        StatusListId = null;
        StatusIndex = null;
    }

    /// <summary>The state on a day without telling the review window apart (<see cref="CertificateStates.Of"/>).</summary>
    public CertificateState StateOn(DateOnly today) =>
        CertificateStates.Of(Status, StatusReason, ValidTo, NextReviewDue, today, rules: null);

    /// <summary>The state on a day (UTC+8), telling apart a certificate inside its review window.</summary>
    public CertificateState StateOn(DateOnly today, CertificateRules rules) =>
        CertificateStates.Of(Status, StatusReason, ValidTo, NextReviewDue, today, rules);

    /// <summary>Works out <see cref="IndexedState"/> for <paramref name="today"/>; without the rules in force, marks it unknown.</summary>
    public void IndexState(DateOnly today, CertificateRules? rules)
    {
        if (rules is null)
        {
            IndexedStateUntil = DateOnly.MinValue;
            return;
        }
        IndexedState = StateOn(today, rules);
        IndexedStateUntil = CertificateStates.ChangesOn(Status, ValidTo, NextReviewDue, today, rules);
    }

    /// <summary>The state today (UTC+8), telling apart a certificate inside its review window.</summary>
    public CertificateState StateAt(TimeProvider clock, CertificateRules rules) => StateOn(ChinaTime.Today(clock), rules);

    public bool InReviewWindow(DateOnly day, CertificateRules rules) => CertificateStates.InReviewWindow(NextReviewDue, day, rules);

    private void StartValidity(DateOnly from, CertificateRules rules)
    {
        ValidFrom = from;
        ValidTo = from.AddYears(rules.ValidityYears).AddDays(-1);
        NextReviewDue = ExtendedReviewInterval ? ValidTo : from.AddYears(rules.ReviewIntervalYears);
        if (NextReviewDue > ValidTo) NextReviewDue = ValidTo;
    }

    private void Record(CertificateEventKind kind, DateOnly effectiveOn, string actor, string? reason, string? details, TimeProvider clock)
    {
        Version++;
        _history.Add(new CertificateEvent(Version, kind, clock.GetUtcNow(), effectiveOn, actor, reason, details));
    }

    private void SetStatus(CertificateStatus status, DateOnly on, string? reason)
    {
        Status = status;
        StatusChangedOn = on;
        StatusReason = reason;
    }
}

/// <summary>What the issuing authority enters to issue a certificate after a passed exam (考核合格发证).</summary>
public sealed record IssueRequest(
    ResidentIdNumber Holder,
    string HolderName,
    string ItemCode,
    DateOnly IssuedOn,
    string RegionCode,
    Guid IssuingAuthorityId,
    Guid? EmployerId,
    string Actor,
    bool NameChangeConfirmed = false);
