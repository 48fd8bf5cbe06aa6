using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Employers;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Holders;
using CertGuard.Core.Inspections;
using CertGuard.Core.Institutions;
using CertGuard.Core.Organisations;
using CertGuard.Core.Registry.Import;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using CertGuard.Data.Inspections;
using CertGuard.Web.Features.Credentials;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Inspections;

/// <summary>A stored submission and whether it was stored by this request (false: a replay of an earlier one).</summary>
public sealed record Stored<T>(T Value, bool Created);

/// <summary>
/// The inspection desk: plans, on-site records, workers judged against the registry (the roster check's judge; a
/// scanned QR checked as <c>POST /api/v1/verify/qr</c> checks it), findings with their leads and evidence, orders to
/// correct and re-inspections. It sits in Web because it uses the online QR verifier. Scope is the data layer's; the
/// acting officer's city is the only one it writes to.
/// </summary>
public sealed partial class InspectionDesk(CertGuardDbContext db, OnlineVerifier verifier, TimeProvider clock, CertificateRules rules, IActor actor)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The city the acting officer works for; the province and offices only read.</summary>
    private string City => actor.Scope is { } scope && InspectionAccess.Works(scope) ? scope.CityCode! : throw Refusal.Forbidden("INSPECTION-READ-ONLY");

    public async Task<Inspection> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<Inspection>().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw Refusal.NotFound("INSPECTION-NOT-FOUND");

    /// <summary>The inspection to change: found in scope, and of the officer's own city.</summary>
    private async Task<Inspection> OwnAsync(Guid id, CancellationToken ct)
    {
        var city = City;
        var inspection = await FindAsync(id, ct);
        if (inspection.RegionCode != city) throw Refusal.NotFound("INSPECTION-NOT-FOUND");
        return inspection;
    }

    // ---- plan ------------------------------------------------------------------------------------------------------

    /// <summary>The city's employers and institutions, those with open leads and signals first, then the lowest 持证率.</summary>
    public async Task<IReadOnlyList<PlanCandidate>> SuggestAsync(string city, int year, CancellationToken ct)
    {
        string[] kinds = [Role.Employer.Id, Role.TrainingInstitution.Id, Role.ExamCentre.Id];
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.RegionCode == city && kinds.Contains(o.Kind) && o.Approval == OrganisationApproval.Approved)
            .Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct);
        var ids = organisations.Select(o => o.Id).ToList();
        var rates = await db.Set<RosterCheck>().AsNoTracking().Where(c => c.IsCurrent && ids.Contains(c.OrganisationId))
            .Select(c => new { c.OrganisationId, c.Compliant, c.Workers }).ToListAsync(ct);
        var leads = await db.InspectionLeads.AsNoTracking()
            .Where(l => l.RegionCode == city && l.Status != LeadStatus.Closed && l.OrganisationId != null && ids.Contains(l.OrganisationId.Value))
            .GroupBy(l => l.OrganisationId).Select(g => new { Id = g.Key!.Value, Count = g.Count() }).ToListAsync(ct);
        // A signal names a certificate; the certificate names its holder's employer.
        var signals = await (
                from s in db.Signals.AsNoTracking()
                where s.RegionCode == city && s.State == Core.Verification.SignalState.Open && s.CertificateId != null
                join c in db.Certificates.IgnoreQueryFilters().AsNoTracking() on s.CertificateId equals c.Id
                where c.EmployerId != null && ids.Contains(c.EmployerId.Value)
                group s by c.EmployerId into g
                select new { Id = g.Key!.Value, Count = g.Count() })
            .ToListAsync(ct);
        var inspected = await db.Set<Inspection>().AsNoTracking()
            .Where(i => i.CampaignYear == year && i.Status == InspectionStatus.Done && ids.Contains(i.OrganisationId))
            .Select(i => i.OrganisationId).Distinct().ToListAsync(ct);
        return InspectionPlanner.Rank(organisations.Select(o =>
        {
            var rate = rates.FirstOrDefault(r => r.OrganisationId == o.Id);
            var open = (leads.FirstOrDefault(l => l.Id == o.Id)?.Count ?? 0) + (signals.FirstOrDefault(s => s.Id == o.Id)?.Count ?? 0);
            var target = o.Kind == Role.Employer.Id ? InspectionTarget.Employer : InspectionTarget.Institution;
            return new PlanCandidate(o.Id, o.Name, target, rate is null ? null : ComplianceRate.Percent(rate.Compliant, rate.Workers), open, inspected.Contains(o.Id));
        }));
    }

    public async Task<Inspection> PlanAsync(PlanRequest request, CancellationToken ct)
    {
        var city = City;
        var organisation = await TargetAsync(request.OrganisationId, city, ct);
        var plannedOn = request.PlannedOn ?? Today;
        if (plannedOn < Today) throw Refusal.Invalid("INSPECTION-PLAN-DATE");
        var reason = request.Reason;
        if (string.IsNullOrWhiteSpace(reason))
        {
            var suggested = (await SuggestAsync(city, plannedOn.Year, ct)).FirstOrDefault(c => c.OrganisationId == organisation.Id);
            reason = suggested is null ? null : InspectionPlanner.Reason(suggested);
        }
        var inspection = Inspection.Plan(TargetOf(organisation), organisation.Id, organisation.Name, city, plannedOn, reason, actor.Name, Now);
        db.Add(inspection);
        await SaveAsync(ct);
        return inspection;
    }

    // ---- on-site record --------------------------------------------------------------------------------------------

    public async Task<Inspection> StartAsync(Guid id, StartRequest request, CancellationToken ct)
    {
        var inspection = await OwnAsync(id, ct);
        inspection.RequireVersion(request.Version);
        inspection.Start(await OfficersAsync(request.Officers, inspection.RegionCode, ct), request.Place, request.OnSiteAt ?? Now, actor.Name);
        await SaveAsync(ct);
        return inspection;
    }

    /// <summary>An on-site record without a plan (met on a patrol, or planned on paper): planned and started at once.</summary>
    public async Task<Stored<Inspection>> RecordAsync(RecordRequest request, CancellationToken ct)
    {
        var city = City;
        var key = ClientKey(request.ClientKey);
        if (await db.Set<Inspection>().IgnoreQueryFilters().SingleOrDefaultAsync(i => i.ClientKey == key, ct) is { } earlier)
            return new(Replay(earlier, earlier.RegionCode == city), false);
        var organisation = await TargetAsync(request.OrganisationId, city, ct);
        var officers = await OfficersAsync(request.Officers, city, ct);
        var onSite = request.OnSiteAt ?? Now;
        var inspection = Inspection.Plan(TargetOf(organisation), organisation.Id, organisation.Name, city, ChinaTime.DateOf(onSite), "现场检查", actor.Name, Now, key);
        inspection.Start(officers, request.Place, onSite, actor.Name);
        db.Add(inspection);
        if (await SaveOnceAsync(InspectionIndexes.InspectionKey, "Inspections.ClientKey", ct))
            return new(inspection, true);
        return new(await db.Set<Inspection>().IgnoreQueryFilters().SingleAsync(i => i.ClientKey == key, ct), false);
    }

    /// <summary>
    /// Records a worker met, judged against the registry. A replay of the same client key returns the first entry
    /// (created false) and changes nothing: a phone resending after a lost answer adds no second worker.
    /// </summary>
    public async Task<Stored<InspectionWorker>> AddWorkerAsync(Guid id, WorkerRequest request, CancellationToken ct)
    {
        var key = ClientKey(request.ClientKey);
        var inspection = await OwnAsync(id, ct);
        if (await db.Set<InspectionWorker>().IgnoreQueryFilters().SingleOrDefaultAsync(w => w.ClientKey == key, ct) is { } earlier)
            return new(Replay(earlier, earlier.InspectionId == id), false);

        QrReading? qr = null;
        Cg1Claims? claims = null;
        if (!string.IsNullOrWhiteSpace(request.Qr))
        {
            var result = await verifier.VerifyAsync(request.Qr, ct);
            // Failing before the claims were read and signed (format, key, signature) is a forged card.
            qr = new QrReading(result.Code, !result.Valid && result.Stage <= VerificationStage.Claims && result.Claims is null);
            claims = result.Claims;
        }
        var number = claims?.Number ?? CertificateNumbers.Normalize(request.Number ?? "");
        var name = claims?.Name ?? (request.Name ?? "").Trim();
        if (qr is not { Forged: true } && (number.Length == 0 || name.Length == 0)) throw Refusal.Invalid("INSPECTION-WORKER-IDENTITY");
        if (name.Length > 64 || number.Length > 32) throw Refusal.Invalid("INSPECTION-WORKER-IDENTITY");

        var judgement = await JudgeAsync(inspection, number, name, request.Position, claims, qr, ct);
        var worker = new InspectionWorker(inspection, key, name.Length == 0 ? "（未知）" : name, number, request.Position, qr, judgement,
            request.TrainingRecord, request.Origin, actor.Name, Now);
        db.Add(worker);
        if (await SaveOnceAsync(InspectionIndexes.WorkerKey, "InspectionWorkers.ClientKey", ct)) return new(worker, true);
        return new(await db.Set<InspectionWorker>().IgnoreQueryFilters().SingleAsync(w => w.ClientKey == key, ct), false);
    }

    /// <summary>The roster check's verdict for the worker's position (the employer's position of that name, else the QR's item, else any).</summary>
    private async Task<RosterJudgement> JudgeAsync(Inspection inspection, string number, string name, string? positionName, Cg1Claims? claims, QrReading? qr, CancellationToken ct)
    {
        if (qr is { Forged: true } && claims is null && number.Length == 0)
            return new RosterJudgement(RosterVerdict.NotFound, $"二维码验证未通过（{qr.Code}），疑似伪造证件。", Core.Verification.VerificationOutcome.NotFound, null);
        if (!ResidentIdNumber.TryParse(number, Today, out _, out var error))
            return new RosterJudgement(RosterVerdict.BadId, error.Message, RosterVerdicts.BadIdOutcome, null);
        IReadOnlyCollection<string>? items = null;
        var wanted = Position.NormaliseName(positionName);
        if (wanted.Length > 0)
        {
            var position = await db.Set<Position>().AsNoTracking().SingleOrDefaultAsync(p => p.OrganisationId == inspection.OrganisationId && p.Name == wanted, ct);
            items = position?.Items;
        }
        if (items is null && claims is not null) items = [claims.Item];
        // The registry is read whole, as at a roster check: a worker here may hold another city's certificate.
        var certificates = await db.Certificates.IgnoreQueryFilters().AsNoTracking().Where(c => c.Number == number).ToListAsync(ct);
        return RosterJudge.Judge(name, items, certificates, Today, rules);
    }

    public async Task<Stored<InspectionFinding>> AddFindingAsync(Guid id, FindingRequest request, CancellationToken ct)
    {
        var key = ClientKey(request.ClientKey);
        var inspection = await OwnAsync(id, ct);
        if (await db.Set<InspectionFinding>().IgnoreQueryFilters().SingleOrDefaultAsync(f => f.ClientKey == key, ct) is { } earlier)
            return new(Replay(earlier, earlier.InspectionId == id), false);
        var type = FindingTypes.Parse(request.Type) ?? throw Refusal.Invalid("INSPECTION-FINDING-TYPE", ("type", request.Type ?? ""));
        InspectionWorker? worker = null;
        if (request.WorkerId is { } workerId)
            worker = await db.Set<InspectionWorker>().SingleOrDefaultAsync(w => w.Id == workerId && w.InspectionId == id, ct)
                ?? throw Refusal.Invalid("INSPECTION-FINDING-WORKER", ("type", type.ChineseName()));
        var finding = new InspectionFinding(inspection, worker, type, request.Description, key, actor.Name, Now);
        db.Add(finding);
        if (type.RaisesLead())
        {
            var lead = new InspectionLead(inspection.RegionCode, LeadSources.Inspection,
                $"执法检查发现“{type.ChineseName()}”：{finding.Description}（{inspection.OrganisationName}）", actor.Name, Now)
            {
                SourceId = finding.Id, CertificateNumber = finding.CertificateNumber, CertificateId = worker?.CertificateId,
                OrganisationId = inspection.OrganisationId,
            };
            db.InspectionLeads.Add(lead);
            finding.LeadRaised(lead.Id);
        }
        if (await SaveOnceAsync(InspectionIndexes.FindingKey, "InspectionFindings.ClientKey", ct)) return new(finding, true);
        return new(await db.Set<InspectionFinding>().IgnoreQueryFilters().SingleAsync(f => f.ClientKey == key, ct), false);
    }

    /// <summary>An evidence file of a finding: type from its content, size limited, SHA-256 recorded, bytes in the database.</summary>
    public async Task<InspectionEvidence> AddEvidenceAsync(Guid findingId, string fileName, byte[] bytes, CancellationToken ct)
    {
        var city = City;
        var finding = await db.Set<InspectionFinding>().SingleOrDefaultAsync(f => f.Id == findingId && f.RegionCode == city, ct)
            ?? throw Refusal.NotFound("INSPECTION-FINDING-NOT-FOUND");
        var type = EvidenceFiles.Check(bytes);
        var evidence = new InspectionEvidence(finding, fileName, type, bytes, actor.Name, Now);
        db.Add(evidence);
        db.Add(new EvidenceContent(evidence.Id, bytes));
        await SaveAsync(ct);
        return evidence;
    }

    /// <summary>An evidence file for download: found through its scoped description, the read audited.</summary>
    public async Task<(InspectionEvidence Evidence, byte[] Bytes)> EvidenceAsync(Guid id, CancellationToken ct)
    {
        var evidence = await db.Set<InspectionEvidence>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct)
            ?? throw Refusal.NotFound("INSPECTION-EVIDENCE-NOT-FOUND");
        var bytes = await db.Set<EvidenceContent>().AsNoTracking().Where(c => c.Id == id).Select(c => c.Bytes).SingleAsync(ct);
        db.AddAuditEntry("download-evidence", nameof(InspectionEvidence), id.ToString(), $"{{\"sha256\":\"{evidence.Sha256}\"}}");
        await db.SaveChangesAsync(ct);
        return (evidence, bytes);
    }

    public async Task<Inspection> CompleteAsync(Guid id, CompleteRequest request, CancellationToken ct)
    {
        var inspection = await OwnAsync(id, ct);
        inspection.RequireVersion(request.Version);
        inspection.Complete(request.Conclusion, Now);
        await SaveAsync(ct);
        return inspection;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private async Task<Organisation> TargetAsync(Guid organisationId, string city, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null || organisation.RegionCode != city
            || !(organisation.Kind == Role.Employer.Id || organisation.Kind == Role.TrainingInstitution.Id || organisation.Kind == Role.ExamCentre.Id))
            throw Refusal.NotFound("INSPECTION-TARGET-NOT-FOUND");
        return organisation;
    }

    private static InspectionTarget TargetOf(Organisation organisation) =>
        organisation.Kind == Role.Employer.Id ? InspectionTarget.Employer : InspectionTarget.Institution;

    /// <summary>The officers: accounts must be inspectors or the enforcement lead of the city; typed ones carry their 执法证号.</summary>
    private async Task<IReadOnlyList<InspectionOfficer>> OfficersAsync(IReadOnlyList<OfficerInput>? inputs, string city, CancellationToken ct)
    {
        var officers = new List<InspectionOfficer>();
        foreach (var input in inputs ?? [])
        {
            if (!string.IsNullOrWhiteSpace(input.Account))
            {
                var userName = input.Account.Trim();
                var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.UserName == userName, ct);
                if (account is null || account.RegionCode != city || !(account.RoleId == Role.Inspector.Id || account.RoleId == Role.EnforcementLead.Id))
                    throw Refusal.Invalid("INSPECTION-OFFICER-ACCOUNT", ("account", userName));
                officers.Add(new InspectionOfficer(account.DisplayName.Length > 0 ? account.DisplayName : userName, input.Badge, userName));
            }
            else
            {
                officers.Add(new InspectionOfficer(input.Name ?? "", input.Badge, null));
            }
        }
        return InspectionOfficers.Validate(officers);
    }

    private static string ClientKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return Guid.NewGuid().ToString("N");
        var trimmed = key.Trim();
        if (trimmed.Length is < 8 or > 64 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw Refusal.Invalid("INSPECTION-CLIENT-KEY");
        return trimmed;
    }

    /// <summary>The earlier submission under a key; a key reused for another record is refused.</summary>
    private static T Replay<T>(T earlier, bool same) => same ? earlier : throw Refusal.Conflict("INSPECTION-CLIENT-KEY-REUSED");

    /// <summary>Saves; false when the client key's unique index says a concurrent send of the same entry won (nothing of ours stored).</summary>
    private async Task<bool> SaveOnceAsync(string index, string sqliteColumn, CancellationToken ct)
    {
        try
        {
            await SaveAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseFailures.IsUniqueViolation(e, index, sqliteColumn))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Refusal.Conflict("INSPECTION-STALE", ("version", "?"));
        }
        catch (Exception e) when (DatabaseFailures.IsBusy(e))
        {
            throw Refusal.Busy("DATABASE-BUSY", ("seconds", (int)BusyDatabase.RetryAfter.TotalSeconds));
        }
    }
}
