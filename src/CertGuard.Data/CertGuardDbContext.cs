using CertGuard.Core.Certificates;
using CertGuard.Core.Organisations;
using CertGuard.Data.Accounts;
using CertGuard.Data.Audit;
using CertGuard.Data.Registry;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data;

/// <summary>
/// The platform's one database. Every save writes its audit entries in the same transaction (for the entity types
/// marked <see cref="Core.Auditing.AuditedAttribute"/>), and every query of scoped data is filtered by the acting account's scope
/// (region, organisation) here, not in pages (<c>CertGuardDbContext.Scope.cs</c>).
/// </summary>
public abstract partial class CertGuardDbContext : IdentityDbContext<Account>, IDataProtectionKeyContext
{
    private readonly IActor _actor;
    private readonly TimeProvider _clock;
    private readonly AuditSeal _seal;
    private readonly ReferenceData.ReferenceDataProvider? _referenceData;
    private readonly List<AuditEntry> _accessRecords = [];
    private Credentials.StatusListMaintenance? _statusLists;


    /// <param name="referenceData">The rules in force, to work out each saved certificate's stored state; without them
    /// (a context made by hand) the state is saved as unknown and the search reads it by its dates.</param>
    protected CertGuardDbContext(DbContextOptions options, IActor actor, TimeProvider clock, AuditSeal seal, ReferenceData.ReferenceDataProvider? referenceData = null)
        : base(options)
    {
        _actor = actor;
        _clock = clock;
        _seal = seal;
        _referenceData = referenceData;
    }

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<CertificateEvent> CertificateEvents => Set<CertificateEvent>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<Credentials.CredentialKeyRecord> CredentialKeys => Set<Credentials.CredentialKeyRecord>();

    public DbSet<Credentials.StatusListRecord> StatusLists => Set<Credentials.StatusListRecord>();

    public DbSet<Core.Verification.VerificationRecord> VerificationLog => Set<Core.Verification.VerificationRecord>();

    public DbSet<Core.Verification.Signal> Signals => Set<Core.Verification.Signal>();

    public DbSet<Core.Enforcement.InspectionLead> InspectionLeads => Set<Core.Enforcement.InspectionLead>();

    public DbSet<Core.WebWatch.Suspect> Suspects => Set<Core.WebWatch.Suspect>();

    public DbSet<Core.WebWatch.SuspectReferral> SuspectReferrals => Set<Core.WebWatch.SuspectReferral>();

    public DbSet<Core.WebWatch.Capture> Captures => Set<Core.WebWatch.Capture>();

    public DbSet<Enforcement.DocumentNumberCounter> DocumentNumberCounters => Set<Enforcement.DocumentNumberCounter>();
    // Tips (举报): sealed reports, messages and files; rewards.
    public DbSet<Core.Tips.Tip> Tips => Set<Core.Tips.Tip>();

    public DbSet<Core.Tips.TipMessage> TipMessages => Set<Core.Tips.TipMessage>();

    public DbSet<Core.Tips.TipFile> TipFiles => Set<Core.Tips.TipFile>();

    public DbSet<Core.Tips.TipReward> TipRewards => Set<Core.Tips.TipReward>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Core.Enforcement.Cases.EnforcementCase> EnforcementCases => Set<Core.Enforcement.Cases.EnforcementCase>();

    public DbSet<Core.Enforcement.Cases.CertificateRevocationRequest> RevocationRequests => Set<Core.Enforcement.Cases.CertificateRevocationRequest>();

    public DbSet<Core.Campaigns.Campaign> Campaigns => Set<Core.Campaigns.Campaign>();

    // Transfers to the police (两法衔接).
    public DbSet<Core.Enforcement.Transfers.CaseTransfer> CaseTransfers => Set<Core.Enforcement.Transfers.CaseTransfer>();

    public DbSet<Core.Campaigns.MonthlyReport> MonthlyReports => Set<Core.Campaigns.MonthlyReport>();

    public DbSet<Core.Enforcement.Supervision.SupervisedCase> SupervisedCases => Set<Core.Enforcement.Supervision.SupervisedCase>();

    public DbSet<Core.Enforcement.TypicalCases.TypicalCase> TypicalCases => Set<Core.Enforcement.TypicalCases.TypicalCase>();
    // The campaign's own work (wave/campaign): phases and tasks, the working group, plans, supervision, circulars, summaries.
    public DbSet<Core.Campaigns.CampaignPhase> CampaignPhases => Set<Core.Campaigns.CampaignPhase>();

    public DbSet<Core.Campaigns.CampaignTask> CampaignTasks => Set<Core.Campaigns.CampaignTask>();

    public DbSet<Core.Campaigns.WorkingGroupMember> WorkingGroupMembers => Set<Core.Campaigns.WorkingGroupMember>();

    public DbSet<Core.Campaigns.ImplementationPlan> ImplementationPlans => Set<Core.Campaigns.ImplementationPlan>();

    public DbSet<Core.Campaigns.PlanAttachment> PlanAttachments => Set<Core.Campaigns.PlanAttachment>();

    public DbSet<Core.Campaigns.SupervisionVisit> SupervisionVisits => Set<Core.Campaigns.SupervisionVisit>();

    public DbSet<Core.Campaigns.SupervisionTask> SupervisionTasks => Set<Core.Campaigns.SupervisionTask>();

    public DbSet<Core.Campaigns.Circular> Circulars => Set<Core.Campaigns.Circular>();

    public DbSet<Core.Campaigns.CampaignSummary> CampaignSummaries => Set<Core.Campaigns.CampaignSummary>();
    public DbSet<Core.Campaigns.Reports.ReportFigure> ReportFigures => Set<Core.Campaigns.Reports.ReportFigure>();

    public DbSet<Core.Campaigns.Reports.ReportAttachment> ReportAttachments => Set<Core.Campaigns.Reports.ReportAttachment>();

    /// <summary>Bulk loads (demo seeding) write one summary entry instead of one per row.</summary>
    public bool SuppressChangeAudit { get; set; }

    public IActor Actor => _actor;

    /// <summary>Records an access to sensitive data (e.g. a full ID number) or a bulk action; written with the next save.</summary>
    public void AddAuditEntry(string action, string entityType, string entityId, string? detail = null) =>
        _accessRecords.Add(new AuditEntry
        {
            At = _clock.GetUtcNow(), Actor = _actor.Name, Action = action, EntityType = entityType, EntityId = entityId, After = detail,
        });

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CertGuardDbContext).Assembly);
        ApplyScopeFilters(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.AutoDetectChangesEnabled) ChangeTracker.DetectChanges();
        IndexCertificateStates();
        await (_statusLists ??= new Credentials.StatusListMaintenance(this, _clock)).ApplyAsync(cancellationToken);
        var pending = SuppressChangeAudit ? [] : AuditCapture.Collect(ChangeTracker, _actor.Name, _clock.GetUtcNow());
        pending.AddRange(_accessRecords);
        _accessRecords.Clear();
        var newEvents = ChangeTracker.Entries<CertificateEvent>().Where(e => e.State == EntityState.Added).ToList();
        if (pending.Count == 0 && newEvents.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // The audit chain and the change feed each have one head: writers take turns from reading it to committing,
            // so sequence order is commit order and a reader of the feed never skips a change committed later.
            await using var writeLock = await LockWritesAsync(cancellationToken);
            if (newEvents.Count > 0)
            {
                var last = await LastChangeSequenceAsync(cancellationToken);
                foreach (var entry in newEvents.OrderBy(e => e.Entity.OccurredAt).ThenBy(e => e.Entity.Version))
                    entry.Property(ChangeSequence.Property).CurrentValue = ++last;
            }
            if (pending.Count > 0)
            {
                var head = await AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                var (sequence, hash) = head is null ? (0L, AuditChain.GenesisHash) : (head.Sequence, head.Hash);
                // A new log starts with the anchor; a log from before the external key gets it at its first save since.
                // Never again once checkpoints exist: a log that lost its anchor after that was rewritten, and stays broken.
                if (head is null
                    || (!await AuditEntries.AnyAsync(e => e.EntityType == AuditChain.AnchorType && e.EntityId == AuditChain.AnchorId, cancellationToken)
                        && !await AuditCheckpoints.AnyAsync(cancellationToken)))
                    pending.Insert(0, AuditChain.Anchor(_clock.GetUtcNow(), _actor.Name, sequence, _seal.KeyId));
                foreach (var entry in pending)
                {
                    AuditChain.Seal(entry, ++sequence, hash, _seal);
                    hash = entry.Hash;
                }
                AuditEntries.AddRange(pending);
            }
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private void IndexCertificateStates()
    {
        CertificateRules? rules = null;
        var today = Core.Time.ChinaTime.Today(_clock);
        foreach (var entry in ChangeTracker.Entries<Certificate>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            rules ??= _referenceData?.Today.Rules;
            entry.Entity.IndexState(today, rules);
            entry.DetectChanges();
        }
    }

    /// <summary>
    /// The last change-feed sequence number written (0 when none). Read it only while holding
    /// <see cref="LockWritesAsync"/>, e.g. to number the events of a bulk load that bypasses SaveChanges.
    /// </summary>
    public async Task<long> LastChangeSequenceAsync(CancellationToken cancellationToken = default) =>
        await CertificateEvents.MaxAsync(e => (long?)EF.Property<long>(e, ChangeSequence.Property), cancellationToken) ?? 0;

    /// <summary>
    /// Serialises writers of the audit chain and of the change feed until the current transaction ends (call it inside
    /// one). SaveChanges takes it by itself; a bulk load that writes with COPY takes it around its own writes.
    /// </summary>
    public Task<IAsyncDisposable> LockWritesAsync(CancellationToken cancellationToken = default) => LockAuditChainAsync(cancellationToken);

    /// <summary>Serialises writers of the audit chain until the transaction ends.</summary>
    protected abstract Task<IAsyncDisposable> LockAuditChainAsync(CancellationToken cancellationToken);
}
