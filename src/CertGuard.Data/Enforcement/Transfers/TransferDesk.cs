using System.Text.Json;
using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Enforcement.Transfers;
using CertGuard.Core.Inspections;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using CertGuard.Data.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement.Transfers;

/// <summary>A transfer as the list shows it: the transfer and its clock running out soonest.</summary>
public sealed record TransferSummary(CaseTransfer Transfer, CaseClock? NextClock);

/// <summary>A case flagged as a possible 以罚代刑: a suspected crime decided or closed without a transfer.</summary>
public sealed record FlaggedCase(Guid Id, string RegionCode, string Title, string Party, CaseStage Stage, long FineYuan, DateTimeOffset? DecidedAt, DateTimeOffset? ClosedAt);

/// <summary>
/// The transfer desk (两法衔接): the agency reports, approves and sends a case to the city's public security bureau with
/// its package; the police accept, decide (立案 / 不予立案) and notify; the agency contests a refusal; the police count
/// what they found. A police filing reaches the other modules as <see cref="CaseDecided"/> with CriminalFiling, in
/// the same save. Pages and the API share it.
/// </summary>
public sealed class TransferDesk(
    CertGuardDbContext db,
    IActor actor,
    TimeProvider clock,
    ReferenceDataProvider reference,
    IEnumerable<ICaseDecisionListener> listeners)
{
    public const string AssistanceAction = "police-assistance";

    // The reason is kept readable in the audit log (Chinese text, not \u escapes).
    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private AccessScope? Scope => actor.Scope;

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The transfers the account sees, running clocks first (the soonest deadline on top).</summary>
    public async Task<IReadOnlyList<TransferSummary>> ListAsync(TransferState? state, CancellationToken ct)
    {
        var query = db.CaseTransfers.AsNoTracking();
        if (state is { } s) query = query.Where(t => t.State == s);
        var transfers = await query.OrderByDescending(t => t.ReportedAt).Take(500).ToListAsync(ct);
        return [.. transfers.Select(t => new TransferSummary(t, Clocks(t).FirstOrDefault(k => k.Running)))
            .OrderBy(t => t.NextClock is null ? 1 : 0).ThenBy(t => t.NextClock?.Reading.Deadline).ThenByDescending(t => t.Transfer.ReportedAt)];
    }

    public async Task<CaseTransfer?> FindAsync(Guid id, CancellationToken ct) =>
        await db.CaseTransfers.SingleOrDefaultAsync(t => t.Id == id, ct);

    public async Task<IReadOnlyList<CaseTransfer>> OfCaseAsync(Guid caseId, CancellationToken ct) =>
        await db.CaseTransfers.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.ReportedAt).ToListAsync(ct);

    public IReadOnlyList<CaseClock> Clocks(CaseTransfer t) => TransferClocks.Of(t, reference.Today, Now);

    /// <summary>The officers' report from a case of their city, waiting for the head's approval.</summary>
    public async Task<CaseTransfer> ReportAsync(Guid caseId, TransferReportRequest request, CancellationToken ct)
    {
        RequireWorker();
        var c = await db.EnforcementCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct) ?? throw Refusal.NotFound("CASE-NOT-FOUND");
        if (await db.CaseTransfers.AnyAsync(t => t.CaseId == caseId && t.State != TransferState.Refused, ct))
            throw Refusal.Conflict("TRANSFER-EXISTS");
        var transfer = new CaseTransfer(c.Id, c.RegionCode, c.AuthorityName, c.Title, CaseOfficialDocuments.Party(c), Report(request), Who, Now);
        db.CaseTransfers.Add(transfer);
        await SaveAsync(ct);
        return transfer;
    }

    public Task<CaseTransfer> ReviseAsync(Guid id, ReviseTransferRequest r, CancellationToken ct) =>
        ChangeAsync(id, r.Version, RequireWorker, t => t.Revise(Report(r.Report), Who, Now), ct);

    public Task<CaseTransfer> ApproveAsync(Guid id, int version, CancellationToken ct) =>
        ChangeAsync(id, version, RequireApprover, t => t.Approve(Who, Now), ct);

    public Task<CaseTransfer> RefuseAsync(Guid id, TransferReasonRequest r, CancellationToken ct) =>
        ChangeAsync(id, r.Version, RequireApprover, t => t.Refuse(r.Reason ?? "", Who, Now), ct);

    /// <summary>Sends the transfer with its package; the letter is numbered by the authority's counter (穗应急移〔2026〕3号).</summary>
    public async Task<CaseTransfer> SendAsync(Guid id, int version, CancellationToken ct)
    {
        RequireWorker();
        var t = await LoadAsync(id, version, ct);
        t.RequirePackage();
        var pattern = DocumentNumberPattern.ForCity(t.RegionCode) ?? throw Refusal.Conflict("TRANSFER-WRONG-STATE", ("state", t.State.ChineseName()));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await DocumentNumbers.NextNumberAsync(db, pattern.Prefix, pattern, CaseDocumentKind.TransferLetter, ChinaTime.DateOf(Now).Year, ct);
        t.Send(number, Who, Now);
        await SaveAsync(ct);
        await transaction.CommitAsync(ct);
        return t;
    }

    public Task<CaseTransfer> AcceptAsync(Guid id, int version, CancellationToken ct) =>
        ChangeAsync(id, version, RequirePolice, t => t.Accept(Who, Now), ct);

    /// <summary>立案 or 不予立案; a filing is raised to the case listeners (tips' rewards) in the same save.</summary>
    public async Task<CaseTransfer> DecideAsync(Guid id, PoliceDecisionRequest r, CancellationToken ct)
    {
        RequirePolice();
        var t = await LoadAsync(id, r.Version, ct);
        t.Decide(r.File, r.Reason ?? "", r.PoliceCaseNumber, Who, Now);
        if (r.File) await RaiseFilingAsync(t, ct);
        await SaveAsync(ct);
        return t;
    }

    public Task<CaseTransfer> NotifyAsync(Guid id, int version, CancellationToken ct) =>
        ChangeAsync(id, version, RequirePolice, t => t.Notify(Now), ct);

    public Task<CaseTransfer> AskReconsiderationAsync(Guid id, TransferReasonRequest r, CancellationToken ct) =>
        ChangeAsync(id, r.Version, RequireWorker, t => t.AskReconsideration(r.Reason ?? "", Who, Now), ct);

    public Task<CaseTransfer> AskProcuratorateAsync(Guid id, TransferReasonRequest r, CancellationToken ct) =>
        ChangeAsync(id, r.Version, RequireWorker, t => t.AskProcuratorate(r.Reason ?? "", Who, Now), ct);

    public async Task<CaseTransfer> AnswerReconsiderationAsync(Guid id, PoliceDecisionRequest r, CancellationToken ct)
    {
        RequirePolice();
        var t = await LoadAsync(id, r.Version, ct);
        t.AnswerReconsideration(r.File, r.Reason ?? "", r.PoliceCaseNumber, Who, Now);
        if (r.File) await RaiseFilingAsync(t, ct);
        await SaveAsync(ct);
        return t;
    }

    /// <summary>What the police counted; the channel may name a web-watch suspect of the city.</summary>
    public async Task<CaseTransfer> RecordCountsAsync(Guid id, CampaignCountsRequest r, CancellationToken ct)
    {
        RequirePolice();
        FakeChannel? channel = string.IsNullOrWhiteSpace(r.Channel) ? null
            : Enum.TryParse<FakeChannel>(r.Channel, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c
            : throw Refusal.Invalid("TRANSFER-CHANNEL-UNKNOWN", ("channel", r.Channel));
        if (r.SuspectId is { } suspect && !await db.Suspects.AnyAsync(s => s.Id == suspect, ct))
            throw Refusal.Invalid("TRANSFER-SUSPECT-UNKNOWN");
        var t = await LoadAsync(id, r.Version, ct);
        t.RecordCounts(new CampaignCounts(r.SuspectsCaught, r.DensDestroyed, r.WebsiteGangsBroken, r.ForgedCertificatesSeized, channel, r.SuspectId), Who, Now);
        await SaveAsync(ct);
        return t;
    }

    /// <summary>
    /// The cases of the account's scope flagged as a possible 以罚代刑 (<see cref="CriminalSuspicion.Flagged"/>): they stay
    /// on the list until a transfer is sent or the head approves a reason not to transfer.
    /// </summary>
    public async Task<IReadOnlyList<FlaggedCase>> FlaggedAsync(CancellationToken ct)
    {
        if (!TransferAccess.SeesFlags(Scope) && Scope is not null) return [];
        var types = CriminalSuspicion.FindingTypes.ToList();
        var suspectLeads = (await db.Set<InspectionFinding>().AsNoTracking().Where(f => f.LeadId != null && types.Contains(f.Type))
            .Select(f => f.LeadId!.Value).ToListAsync(ct)).ToHashSet();
        var decided = await db.EnforcementCases.AsNoTracking().Include(c => c.Fines)
            .Where(c => c.DecidedAt != null || c.Stage == CaseStage.Closed).OrderByDescending(c => c.DecidedAt).Take(2000).ToListAsync(ct);
        var candidates = decided.Where(c => CriminalSuspicion.Applies(c, suspectLeads)).ToList();
        if (candidates.Count == 0) return [];
        var ids = candidates.Select(c => c.Id).ToList();
        var transfers = await db.CaseTransfers.AsNoTracking().Where(t => ids.Contains(t.CaseId)).ToListAsync(ct);
        return [.. candidates.Where(c => CriminalSuspicion.Flagged(c, suspectLeads, transfers))
            .Select(c => new FlaggedCase(c.Id, c.RegionCode, c.Title, CaseOfficialDocuments.Party(c), c.Stage, c.FineYuan, c.DecidedAt, c.ClosedAt))];
    }

    /// <summary>
    /// 协查: a police officer asks the registry for a holder's certificates and their verification history, by ID number
    /// or certificate number (the same number on a 特种作业操作证), with the reason. The read of personal data is audited
    /// with the reason; the certificates of every city are read (a holder may hold another city's), on purpose.
    /// </summary>
    public async Task<AssistanceAnswer> AssistAsync(AssistanceRequest r, CancellationToken ct)
    {
        RequirePolice();
        var reason = (r.Reason ?? "").Trim();
        if (reason.Length == 0) throw Refusal.Invalid("ASSISTANCE-REASON-REQUIRED");
        if (reason.Length > CaseTransfer.ReasonMaxLength) reason = reason[..CaseTransfer.ReasonMaxLength];
        var number = Core.Registry.Import.CertificateNumbers.Normalize(r.Number ?? "");
        if (number.Length == 0) throw Refusal.Invalid("ASSISTANCE-NUMBER-REQUIRED");
        var certificates = await db.Certificates.IgnoreQueryFilters([ScopeFilters.Region]).AsNoTracking()
            .Where(c => c.Number == number).OrderBy(c => c.ItemCode).Take(50).ToListAsync(ct);
        var ids = certificates.Select(c => c.Id).ToList();
        var checks = await db.VerificationLog.AsNoTracking()
            .Where(v => (v.CertificateId != null && ids.Contains(v.CertificateId.Value)) || v.NumberAsked == number)
            .OrderByDescending(v => v.At).Take(200).ToListAsync(ct);
        db.AddAuditEntry("read", "Certificate", number.Length > 6 ? Core.Holders.ResidentIdNumber.Mask(number) : number,
            JsonSerializer.Serialize(new { action = AssistanceAction, reason, certificates = certificates.Count, checks = checks.Count }, AuditJson));
        await db.SaveChangesAsync(ct);
        return new AssistanceAnswer(number, reason,
            [.. certificates.Select(c => new AssistanceCertificate(c.Id, c.Number, c.HolderName, c.ItemCode, c.RegionCode, c.Status.ToString(), c.FirstIssuedOn, c.ValidTo))],
            [.. checks.Select(v => new AssistanceCheck(v.At, v.Channel.ToString(), v.Outcome.ToString(), v.RegionCode, v.OrganisationId))]);
    }

    private async Task RaiseFilingAsync(CaseTransfer t, CancellationToken ct)
    {
        // The police do not read the case itself (they were not invited to it); the filing is the case's outcome all
        // the same, so the joint-department filter is lifted for this one read.
        var c = await db.EnforcementCases.IgnoreQueryFilters([ScopeFilters.Joint]).AsNoTracking().Include(x => x.Fines)
            .SingleAsync(x => x.Id == t.CaseId, ct);
        var decided = new CaseDecided(c.Id, c.LeadIds, c.RegionCode, c.FineYuan, CriminalFiling: true, c.MajorHiddenHazard, t.FiledAt ?? Now);
        foreach (var listener in listeners) await listener.OnDecidedAsync(db, decided, ct);
    }

    private static TransferReport Report(TransferReportRequest? r)
    {
        if (r is null) throw Refusal.Invalid("TRANSFER-FACTS-REQUIRED");
        var reason = Enum.TryParse<TransferReason>(r.Reason, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw Refusal.Invalid("TRANSFER-REASON-UNKNOWN", ("reason", r.Reason ?? ""));
        return new TransferReport(r.Officers ?? [], reason, r.Facts ?? "", r.InvestigationReport,
            [.. (r.SeizedItems ?? []).Select(i => new SeizedItem(i.Name ?? "", i.Count))], r.AppraisalReport, r.OtherEvidence);
    }

    private async Task<CaseTransfer> ChangeAsync(Guid id, int version, Func<AccessScope> require, Action<CaseTransfer> change, CancellationToken ct)
    {
        require();
        var t = await LoadAsync(id, version, ct);
        change(t);
        await SaveAsync(ct);
        return t;
    }

    private async Task<CaseTransfer> LoadAsync(Guid id, int version, CancellationToken ct)
    {
        var t = await db.CaseTransfers.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw Refusal.NotFound("TRANSFER-NOT-FOUND");
        if (t.Version != version) throw Refusal.Conflict("TRANSFER-STALE");
        return t;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Refusal.Conflict("TRANSFER-STALE");
        }
    }

    private string Who
    {
        get
        {
            var name = actor.DisplayName.Length > 0 && actor.DisplayName != actor.Name ? $"{actor.DisplayName}（{actor.Name}）" : actor.Name;
            return name.Length > 128 ? name[..128] : name;
        }
    }

    private AccessScope RequireWorker() => TransferAccess.MayWork(Scope) ? Scope! : throw Refusal.Forbidden("TRANSFER-WORK-FORBIDDEN");

    private AccessScope RequireApprover() => TransferAccess.MayApprove(Scope) ? Scope! : throw Refusal.Forbidden("TRANSFER-APPROVAL-FORBIDDEN");

    private AccessScope RequirePolice() => TransferAccess.IsPolice(Scope) ? Scope! : throw Refusal.Forbidden("TRANSFER-POLICE-FORBIDDEN");
}

/// <summary>The registry's answer to a police assistance request (协查).</summary>
public sealed record AssistanceAnswer(string Number, string Reason, IReadOnlyList<AssistanceCertificate> Certificates, IReadOnlyList<AssistanceCheck> Checks);

public sealed record AssistanceCertificate(Guid Id, string Number, string HolderName, string ItemCode, string RegionCode, string Status, DateOnly FirstIssuedOn, DateOnly ValidTo);

public sealed record AssistanceCheck(DateTimeOffset At, string Channel, string Outcome, string? RegionCode, Guid? OrganisationId);
