using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Clocks;
using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Enforcement.Penalties;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using CertGuard.Data.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement.Cases;

/// <summary>
/// The case desk: opens cases from leads, records the investigation, numbers documents, moves stages, decides (with the
/// penalty rules in force and the listeners of <see cref="ICaseDecisionListener"/> in the same save), serves, executes
/// and closes. Pages and the API share it; refusals carry their codes.
/// </summary>
public sealed class CaseDesk(
    CertGuardDbContext db,
    IActor actor,
    TimeProvider clock,
    ReferenceDataProvider reference,
    IEnumerable<ICaseDecisionListener> listeners)
{
    public const int PageSize = 100;

    private AccessScope? Scope => actor.Scope;

    /// <summary>The cases the account sees, running clocks first (the one running out soonest on top).</summary>
    public async Task<IReadOnlyList<CaseSummary>> ListAsync(CaseStage? stage, CancellationToken ct)
    {
        var query = Cases().AsSplitQuery();
        if (stage is { } s) query = query.Where(c => c.Stage == s);
        var cases = await query.OrderByDescending(c => c.OpenedAt).Take(500).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rules = reference.Today;
        return [.. cases.Select(c => CaseSummary.From(c, CaseClocks.Of(c, rules, now)))
            .OrderBy(c => c.NextClock is null ? 1 : 0).ThenBy(c => c.NextClock?.Reading.Deadline).ThenByDescending(c => c.OpenedAt).Take(PageSize)];
    }

    /// <summary>Counts per stage for the desk's tabs.</summary>
    public async Task<IReadOnlyDictionary<CaseStage, int>> CountsAsync(CancellationToken ct) =>
        (await db.EnforcementCases.AsNoTracking().GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(g => g.Key, g => g.Count);

    /// <summary>One case, or null when the account does not see it. A joint department's read is audited.</summary>
    public async Task<EnforcementCase?> FindAsync(Guid id, CancellationToken ct)
    {
        var found = await Cases().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is not null && CaseAccess.IsJoint(Scope))
        {
            db.AddAuditEntry("read", nameof(EnforcementCase), id.ToString(), $"{{\"department\":\"{Scope!.Role.Id}\"}}");
            await db.SaveChangesAsync(ct);
        }
        return found;
    }

    public IReadOnlyList<CaseClock> Clocks(EnforcementCase c) => CaseClocks.Of(c, reference.Today, clock.GetUtcNow());

    /// <summary>The revocation requests a case sent, with their outcome.</summary>
    public async Task<IReadOnlyList<CertificateRevocationRequest>> RevocationsOfAsync(Guid caseId, CancellationToken ct) =>
        await db.RevocationRequests.IgnoreQueryFilters([ScopeFilters.Region]).AsNoTracking().Where(r => r.CaseId == caseId)
            .OrderBy(r => r.RequestedAt).ToListAsync(ct);

    /// <summary>What the decision form proposes for a rule: the discretion band for the circumstances, inside the legal range.</summary>
    public PenaltyProposal Propose(string ruleCode, PenaltyCircumstances circumstances) =>
        PenaltyAdvisor.Propose(reference.Today.Penalty(ruleCode) ?? throw Refusal.Invalid("PENALTY-RULE-UNKNOWN", ("code", ruleCode)), circumstances);

    public IReadOnlyList<PenaltyRule> PenaltyRules => reference.Today.Penalties;

    /// <summary>Opens a case from open leads of the officer's city (立案 proposal); each lead closes as "case opened".</summary>
    public async Task<EnforcementCase> OpenAsync(OpenCaseRequest request, CancellationToken ct)
    {
        var officer = RequireWorker();
        var leadIds = (request.LeadIds ?? []).Distinct().ToList();
        if (leadIds.Count == 0) throw Refusal.Invalid("CASE-LEAD-REQUIRED");
        var leads = await db.InspectionLeads.Where(l => leadIds.Contains(l.Id)).ToListAsync(ct);
        if (leads.Count != leadIds.Count) throw Refusal.NotFound("CASE-LEAD-NOT-FOUND");
        var city = officer.RegionCode;
        var rules = reference.Today;
        var violations = (request.ViolationCodes ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        foreach (var v in violations)
            if (rules.Penalty(v) is null) throw Refusal.Invalid("PENALTY-RULE-UNKNOWN", ("code", v));
        var organisationId = request.OrganisationId ?? leads.Select(l => l.OrganisationId).FirstOrDefault(o => o is not null);
        var organisationName = request.OrganisationName;
        if (organisationId is { } oid)
            organisationName ??= await db.Organisations.AsNoTracking().Where(o => o.Id == oid).Select(o => o.Name).SingleOrDefaultAsync(ct)
                ?? throw Refusal.Invalid("CASE-ORGANISATION-UNKNOWN");
        var authorityName = officer.OrganisationId is { } aid
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == aid).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? ""
            : "";
        var certificates = (request.CertificateNumbers ?? []).Concat(leads.Select(l => l.CertificateNumber).OfType<string>()).ToList();
        var now = clock.GetUtcNow();
        var opened = new EnforcementCase(new CaseOpening(city, officer.OrganisationId, authorityName, request.Title ?? "",
            request.PersonName, organisationId, organisationName, certificates, violations, leadIds, request.LifeOrSafety, request.ViolationOn), Who, now);
        foreach (var lead in leads) lead.OpenCase(opened.Id, Who, now);
        db.EnforcementCases.Add(opened);
        await SaveAsync(ct);
        return opened;
    }

    public Task<EnforcementCase> ApproveFilingAsync(Guid id, int version, CancellationToken ct) =>
        ChangeAsync(id, version, approve: true, c => c.ApproveFiling(Who, clock.GetUtcNow()), ct);

    public Task<EnforcementCase> MarkMajorAsync(Guid id, MajorRequest r, CancellationToken ct) =>
        ChangeAsync(id, r.Version, approve: false, c => c.MarkMajor(r.Major, Who, clock.GetUtcNow()), ct);

    /// <summary>A record or evidence; an invited department's record is marked as theirs (联合查案).</summary>
    public async Task<EnforcementCase> AddRecordAsync(Guid id, AddRecordRequest r, CancellationToken ct)
    {
        if (CaseAccess.IsJoint(Scope))
            return await ChangeCoreAsync(id, r.Version, c => c.AddRecord(CaseEntryKind.JointRecord, r.Text ?? "", Who, Scope!.Role.Id, clock.GetUtcNow()), ct);
        RequireWorker();
        var kind = Enum.TryParse<CaseEntryKind>(r.Kind, ignoreCase: true, out var k) && k is CaseEntryKind.Record or CaseEntryKind.Evidence
            ? k : throw Refusal.Invalid("CASE-RECORD-KIND");
        return await ChangeCoreAsync(id, r.Version, c => c.AddRecord(kind, r.Text ?? "", Who, null, clock.GetUtcNow()), ct);
    }

    /// <summary>Adds a document, numbered by the authority's counter for its kind and year (穗应急罚〔2026〕12号).</summary>
    public async Task<(EnforcementCase Case, CaseFileDocument Document)> AddDocumentAsync(Guid id, AddDocumentRequest r, CancellationToken ct)
    {
        var kind = CaseDocumentKinds.FindBySlug(r.Kind)?.Kind ?? throw Refusal.Invalid("CASE-DOCUMENT-KIND", ("kind", r.Kind ?? ""));
        // Approvals and decisions carry the enforcement lead's signature.
        var approval = kind is CaseDocumentKind.FilingApproval or CaseDocumentKind.PenaltyDecision or CaseDocumentKind.ClosingReport;
        if (approval) RequireApprover(); else RequireWorker();
        var c = await LoadAsync(id, r.Version, ct);
        var pattern = DocumentNumberPattern.ForCity(c.RegionCode) ?? throw Refusal.Invalid("CASE-DOCUMENT-KIND", ("kind", r.Kind ?? ""));
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await DocumentNumbers.NextNumberAsync(db, pattern.Prefix, pattern, kind, ChinaTime.DateOf(now).Year, ct);
        var body = (r.Body ?? "").Trim();
        if (body.Length == 0 && kind == CaseDocumentKind.CaseFileIndex)
            body = string.Join('\n', c.Documents.Select((d, i) => $"{i + 1}. {d.Kind.Title()} {d.Number}"));
        var document = c.AddDocument(kind, number, body, Who, now);
        await SaveAsync(ct);
        await transaction.CommitAsync(ct);
        return (c, document);
    }

    public Task<EnforcementCase> AdvanceAsync(Guid id, int version, CancellationToken ct) =>
        ChangeAsync(id, version, approve: false, c => c.Advance(Who, clock.GetUtcNow()), ct);

    public Task<EnforcementCase> RequestHearingAsync(Guid id, int version, CancellationToken ct) =>
        ChangeAsync(id, version, approve: false, c => c.RequestHearing(Who, clock.GetUtcNow()), ct);

    /// <summary>Pause, resume or extend a clock: the enforcement lead's approved decision, with its reason.</summary>
    public Task<EnforcementCase> DecideClockAsync(Guid id, ClockRequest r, CancellationToken ct)
    {
        var code = (r.Clock ?? "").Trim();
        if (!CaseClocks.Codes.Contains(code)) throw Refusal.Invalid("CASE-CLOCK-UNKNOWN", ("clock", code));
        return ChangeAsync(id, r.Version, approve: true, c =>
        {
            var now = clock.GetUtcNow();
            switch ((r.Action ?? "").Trim().ToLowerInvariant())
            {
                case "pause": c.PauseClock(code, r.Reason ?? "", Who, now); break;
                case "resume": c.ResumeClock(code, Who, now); break;
                case "extend": c.ExtendClock(code, r.Days, r.Reason ?? "", Who, now); break;
                default: throw Refusal.Invalid("CASE-CLOCK-ACTION");
            }
        }, ct);
    }

    /// <summary>
    /// 决定: every line checked against its rule in force (PENALTY-OUT-OF-RANGE), a major hidden hazard recorded as
    /// such, revocation requests sent to the issuing authorities, and <see cref="CaseDecided"/> raised to every
    /// listener, all in one save.
    /// </summary>
    public async Task<EnforcementCase> DecideAsync(Guid id, DecideRequest r, CancellationToken ct)
    {
        RequireApprover();
        var c = await LoadAsync(id, r.Version, ct);
        var now = clock.GetUtcNow();
        var rules = reference.Current.InForce(ChinaTime.DateOf(now));
        var lines = new List<(PenaltyLine, string)>();
        foreach (var l in r.Lines ?? [])
        {
            if (!Enum.TryParse<PenaltyParty>(l.Party, ignoreCase: true, out var party) || !Enum.IsDefined(party))
                throw Refusal.Invalid("CASE-PARTY-UNKNOWN", ("party", l.Party ?? ""));
            var name = (l.PartyName ?? "").Trim();
            if (name.Length == 0) throw Refusal.Invalid("CASE-PARTY-REQUIRED");
            var line = new PenaltyLine(party, name, (l.RuleCode ?? "").Trim(), l.Fine, (l.Measures ?? "").Trim());
            PenaltyAdvisor.Total([line], rules);
            lines.Add((line, rules.Penalty(line.RuleCode)!.LegalBasis));
        }
        var industry = c.OrganisationId is { } org
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Industry).SingleOrDefaultAsync(ct) : null;
        var hazard = r.MajorHiddenHazard || lines.Any(l => MajorHiddenHazard.Applies(industry, l.Item1.RuleCode));
        c.Decide(lines, hazard, Who, now);
        foreach (var ask in r.Revocations ?? []) await AskRevocationAsync(c, ask, now, ct);
        var decided = new CaseDecided(c.Id, c.LeadIds, c.RegionCode, c.FineYuan, CriminalFiling: false, hazard, now);
        foreach (var listener in listeners) await listener.OnDecidedAsync(db, decided, ct);
        await SaveAsync(ct);
        return c;
    }

    public Task<EnforcementCase> ServeAsync(Guid id, ServeRequest r, CancellationToken ct) =>
        ChangeAsync(id, r.Version, approve: false, c => c.Serve(r.How ?? "", Who, clock.GetUtcNow()), ct);

    /// <summary>A payment; paid after the due day it carries the late surcharge (3 % a day, at most the fine).</summary>
    public Task<EnforcementCase> RecordPaymentAsync(Guid id, PaymentRequest r, CancellationToken ct) =>
        ChangeAsync(id, r.Version, approve: false, c =>
        {
            var paidOn = r.PaidOn ?? ChinaTime.Today(clock);
            var due = CaseClocks.PaymentDue(c, reference.Today);
            var surcharge = due is { } d ? LateSurcharge.For(c.FineYuan, d, paidOn) : 0;
            c.RecordPayment(r.Amount, surcharge, Who, clock.GetUtcNow());
        }, ct);

    /// <summary>结案; the rectification items behind its leads are resolved by it.</summary>
    public async Task<EnforcementCase> CloseAsync(Guid id, int version, CancellationToken ct)
    {
        RequireApprover();
        var c = await LoadAsync(id, version, ct);
        var now = clock.GetUtcNow();
        c.Close(Who, now);
        var leadIds = c.LeadIds.ToList();
        var items = await db.Set<Core.Employers.RectificationItem>().IgnoreQueryFilters([ScopeFilters.Organisation])
            .Where(i => i.LeadId != null && leadIds.Contains(i.LeadId.Value)).ToListAsync(ct);
        foreach (var item in items) item.Resolve(now);
        await SaveAsync(ct);
        return c;
    }

    public Task<EnforcementCase> InviteAsync(Guid id, InviteRequest r, CancellationToken ct)
    {
        var department = JointDepartments.Find(r.Department) ?? throw Refusal.Invalid("CASE-DEPARTMENT-UNKNOWN", ("department", r.Department ?? ""));
        return ChangeAsync(id, r.Version, approve: false, c => c.Invite(department.Id, Who, clock.GetUtcNow()), ct);
    }

    private async Task AskRevocationAsync(EnforcementCase c, RevocationAsk ask, DateTimeOffset now, CancellationToken ct)
    {
        if (!Enum.TryParse<RevocationGround>(ask.Ground, ignoreCase: true, out var ground) || !Enum.IsDefined(ground))
            throw Refusal.Invalid("CASE-REVOCATION-GROUND", ("ground", ask.Ground ?? ""));
        var number = Core.Registry.Import.CertificateNumbers.Normalize(ask.CertificateNumber ?? "");
        // The certificate may be another city's: the request goes to its issuing authority, wherever it is.
        var item = string.IsNullOrWhiteSpace(ask.ItemCode) ? null : ask.ItemCode.Trim();
        var live = await db.Certificates.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.Number == number && x.Status != CertificateStatus.Revoked && x.Status != CertificateStatus.Cancelled)
            .Where(x => item == null || x.ItemCode == item)
            .Take(2).ToListAsync(ct);
        if (live.Count == 0) throw Refusal.Invalid("CASE-CERTIFICATE-UNKNOWN", ("number", ask.CertificateNumber ?? ""));
        // A holder's number carries one certificate per item: revoking "the newest" could revoke the wrong one.
        if (live.Count > 1) throw Refusal.Invalid("CASE-CERTIFICATE-AMBIGUOUS", ("number", number));
        var certificate = live[0];
        db.RevocationRequests.Add(new CertificateRevocationRequest(c.Id, c.RegionCode, certificate.Id, certificate.Number, certificate.RegionCode,
            ground, (ask.Note ?? "").Trim(), Who, now));
        c.NoteRevocationRequest(certificate.Number, Who, now);
    }

    private IQueryable<EnforcementCase> Cases() =>
        db.EnforcementCases.Include(c => c.Entries).Include(c => c.Documents).Include(c => c.Fines).Include(c => c.ClockDecisions);

    private async Task<EnforcementCase> ChangeAsync(Guid id, int version, bool approve, Action<EnforcementCase> change, CancellationToken ct)
    {
        if (approve) RequireApprover(); else RequireWorker();
        return await ChangeCoreAsync(id, version, change, ct);
    }

    private async Task<EnforcementCase> ChangeCoreAsync(Guid id, int version, Action<EnforcementCase> change, CancellationToken ct)
    {
        var c = await LoadAsync(id, version, ct);
        change(c);
        await SaveAsync(ct);
        return c;
    }

    private async Task<EnforcementCase> LoadAsync(Guid id, int version, CancellationToken ct)
    {
        var c = await Cases().AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw Refusal.NotFound("CASE-NOT-FOUND");
        if (c.Version != version) throw Refusal.Conflict("CASE-STALE");
        return c;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Refusal.Conflict("CASE-STALE");
        }
    }

    /// <summary>Who, for the timeline: the officer's name as people read it, and the account.</summary>
    private string Who
    {
        get
        {
            var name = actor.DisplayName.Length > 0 && actor.DisplayName != actor.Name ? $"{actor.DisplayName}（{actor.Name}）" : actor.Name;
            return name.Length > 128 ? name[..128] : name;
        }
    }

    private AccessScope RequireWorker() =>
        CaseAccess.MayWork(Scope) ? Scope! : throw Refusal.Forbidden("CASE-WORK-FORBIDDEN");

    private AccessScope RequireApprover() =>
        CaseAccess.MayApprove(Scope) ? Scope! : throw Refusal.Forbidden("CASE-APPROVAL-FORBIDDEN");
}
