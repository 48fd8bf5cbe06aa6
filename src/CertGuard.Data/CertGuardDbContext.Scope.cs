using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Inspections;
using CertGuard.Core.Institutions;
using CertGuard.Core.Verification;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data;

/// <summary>The names of the scope query filters, for <c>IgnoreQueryFilters([ScopeFilters.Region])</c> where one is lifted on purpose.</summary>
public static class ScopeFilters
{
    /// <summary>A city account sees its city's rows only.</summary>
    public const string Region = "scope-region";

    /// <summary>An organisation account (employer, institution) sees its own organisation's rows only.</summary>
    public const string Organisation = "scope-organisation";

    /// <summary>The registry is closed to roles that do not browse it (institutions, the public).</summary>
    public const string Registry = "scope-registry";

    /// <summary>Signals and leads are the offices' and enforcement's work: organisations and the public never read them.</summary>
    public const string Cases = "scope-cases";

    /// <summary>A department outside enforcement (police, market regulation, cyberspace) reads only the leads referred to it.</summary>
    public const string Department = "scope-department";
    /// <summary>A joint department (公安, 市场监管, 网信) sees only the administrative cases it was invited to.</summary>
    public const string Joint = "scope-joint";
}

// Every region- or organisation-scoped entity is filtered here by the acting account's scope (DESIGN §2: scope is
// enforced in the data layer). The platform itself (jobs, the CLI, start-up: a null scope) sees everything.
// Not filtered, on purpose: organisations (reference data every role reads: authority names, the employer a
// certificate names; who oversees which employer is EmployerAccess's rule), the verification log (the holder reads
// the checks of a certificate by its QR, officials by the certificate they may see), keys, status lists,
// questionnaire versions, accounts and API keys (read by sign-in before any scope exists; the keys API lists the
// caller's own) and the audit log (its own page and policy).
public abstract partial class CertGuardDbContext
{
    // Read by the query filters at each query, so a context made before sign-in completes still filters by the
    // account that is signed in when it queries. EF parameterises them per context instance.
    private bool RegistryDenied => _actor.Scope is { CanBrowseRegistry: false };

    private string? ScopeCity => _actor.Scope?.CityCode;

    private Guid? ScopeOwnOrganisation => _actor.Scope?.OwnOrganisationId;

    private bool OrganisationReach => _actor.Scope is { Role.Reach: RoleReach.Organisation };

    // Compared only when OrganisationReach: an organisation account without an organisation matches nothing.
    private Guid? ScopeOrganisationId => _actor.Scope?.OrganisationId;

    // The police, market regulation or cyberspace account's department (LeadAccess): they read what is referred to them.
    private string? ScopeDepartment => LeadAccess.DepartmentOf(_actor.Scope);

    private bool ScopePolice => ScopeDepartment == LeadDepartments.Police;
    // The department a joint-work account stands for (police, market regulation, cyberspace), or null.
    private string? ScopeJointDepartment => _actor.Scope?.Role is { } role && Core.Enforcement.Cases.JointDepartments.Includes(role) ? role.Id : null;

    private void ApplyScopeFilters(ModelBuilder builder)
    {
        // Administrative cases: the city's own; a joint department only those it was invited to (联合查案).
        builder.Entity<Core.Enforcement.Cases.EnforcementCase>()
            .HasQueryFilter(ScopeFilters.Cases, c => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, c => ScopeCity == null || c.RegionCode == ScopeCity)
            .HasQueryFilter(ScopeFilters.Joint, c => ScopeJointDepartment == null || c.JointDepartmentsText.Contains("," + ScopeJointDepartment + ","));
        // A revocation request is read by the issuing city that decides it and by the city whose case asked.
        builder.Entity<Core.Enforcement.Cases.CertificateRevocationRequest>()
            .HasQueryFilter(ScopeFilters.Cases, r => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, r => ScopeCity == null || r.RegionCode == ScopeCity || r.CaseRegionCode == ScopeCity);

        // Supervised cases and typical cases: the case city's (its office and enforcement), the province all; the
        // public reads published typical cases through the desk, which lifts the filters on purpose.
        builder.Entity<Core.Enforcement.Supervision.SupervisedCase>()
            .HasQueryFilter(ScopeFilters.Cases, s => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, s => ScopeCity == null || s.RegionCode == ScopeCity);
        builder.Entity<Core.Enforcement.TypicalCases.TypicalCase>()
            .HasQueryFilter(ScopeFilters.Cases, t => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, t => ScopeCity == null || t.RegionCode == ScopeCity);
        // Transfers to the police: the city's own (the police read those addressed to their city's bureau); market
        // regulation and cyberspace none; organisations never.
        builder.Entity<Core.Enforcement.Transfers.CaseTransfer>()
            .HasQueryFilter(ScopeFilters.Cases, t => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, t => ScopeCity == null || t.RegionCode == ScopeCity)
            .HasQueryFilter(ScopeFilters.Department, t => ScopeDepartment == null || ScopePolice);

        builder.Entity<Certificate>()
            .HasQueryFilter(ScopeFilters.Registry, c => !RegistryDenied)
            .HasQueryFilter(ScopeFilters.Region, c => ScopeCity == null || c.RegionCode == ScopeCity)
            // An employer sees its own workers' certificates whichever city issued them.
            .HasQueryFilter(ScopeFilters.Organisation, c => ScopeOwnOrganisation == null || c.EmployerId == ScopeOwnOrganisation);

        builder.Entity<Signal>()
            .HasQueryFilter(ScopeFilters.Cases, s => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, s => ScopeCity == null || s.RegionCode == ScopeCity);
        builder.Entity<InspectionLead>()
            .HasQueryFilter(ScopeFilters.Cases, l => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, l => ScopeCity == null || l.RegionCode == ScopeCity)
            // The police also follow the leads they passed to the safety bureau.
            .HasQueryFilter(ScopeFilters.Department, l => ScopeDepartment == null || l.ReferredTo == ScopeDepartment || (ScopePolice && l.Source == LeadSources.Police));

        // Web watch: a city's suspects are its cyberspace office's; which roles read them is the desk's rule.
        builder.Entity<Core.WebWatch.Suspect>()
            .HasQueryFilter(ScopeFilters.Cases, s => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, s => ScopeCity == null || s.RegionCode == ScopeCity);

        // Tips and their rewards: a city's office and enforcement see their city's; organisations and the public none
        // (the reporter follows up by receipt, which lifts the filters on purpose in TipFollowUp).
        builder.Entity<Core.Tips.Tip>()
            .HasQueryFilter(ScopeFilters.Cases, t => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, t => ScopeCity == null || t.RegionCode == ScopeCity);
        builder.Entity<Core.Tips.TipReward>()
            .HasQueryFilter(ScopeFilters.Cases, r => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, r => ScopeCity == null || r.RegionCode == ScopeCity);

        // Monthly reports: a city office works its own city's, the province reads and decides all; organisations none.
        builder.Entity<Core.Campaigns.MonthlyReport>()
            .HasQueryFilter(ScopeFilters.Cases, r => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, r => ScopeCity == null || r.CityCode == ScopeCity);
        // A report's figures and attachments follow their report's scope.
        builder.Entity<Core.Campaigns.Reports.ReportFigure>()
            .HasQueryFilter(ScopeFilters.Cases, f => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, f => ScopeCity == null || f.CityCode == ScopeCity);
        builder.Entity<Core.Campaigns.Reports.ReportAttachment>()
            .HasQueryFilter(ScopeFilters.Cases, a => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, a => ScopeCity == null || a.CityCode == ScopeCity);

        // The campaign's city work (wave/campaign): a city office its own city's plans, attachments, supervision
        // tasks, visits and summary; the province all; organisations none. Circulars and phases are province-wide.
        builder.Entity<Core.Campaigns.ImplementationPlan>()
            .HasQueryFilter(ScopeFilters.Cases, p => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, p => ScopeCity == null || p.CityCode == ScopeCity);
        builder.Entity<Core.Campaigns.PlanAttachment>()
            .HasQueryFilter(ScopeFilters.Cases, a => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, a => ScopeCity == null || a.CityCode == ScopeCity);
        builder.Entity<Core.Campaigns.SupervisionVisit>()
            .HasQueryFilter(ScopeFilters.Cases, v => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, v => ScopeCity == null || v.CityCode == ScopeCity);
        builder.Entity<Core.Campaigns.SupervisionTask>()
            .HasQueryFilter(ScopeFilters.Cases, t => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, t => ScopeCity == null || t.CityCode == ScopeCity);
        builder.Entity<Core.Campaigns.CampaignSummary>()
            .HasQueryFilter(ScopeFilters.Cases, s => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, s => ScopeCity == null || s.CityCode == ScopeCity);

        // An institution reads its own self-checks, a city its city's; any other organisation (or nobody) none.
        builder.Entity<SelfCheckSubmission>()
            .HasQueryFilter(ScopeFilters.Region, s => ScopeCity == null || s.RegionCode == ScopeCity)
            .HasQueryFilter(ScopeFilters.Organisation, s => !OrganisationReach || s.OrganisationId == ScopeOrganisationId);

        // An employer's own self-inspection: its positions, roster checks and rows, rectification items. A city reads
        // its city's employers' checks and items; which roles may work them is the desks' rule.
        builder.Entity<Position>()
            .HasQueryFilter(ScopeFilters.Organisation, p => !OrganisationReach || p.OrganisationId == ScopeOrganisationId);
        builder.Entity<RosterRow>()
            .HasQueryFilter(ScopeFilters.Organisation, r => !OrganisationReach || r.OrganisationId == ScopeOrganisationId);
        builder.Entity<RosterCheck>()
            .HasQueryFilter(ScopeFilters.Region, c => ScopeCity == null || c.RegionCode == ScopeCity)
            .HasQueryFilter(ScopeFilters.Organisation, c => !OrganisationReach || c.OrganisationId == ScopeOrganisationId);
        builder.Entity<RectificationItem>()
            .HasQueryFilter(ScopeFilters.Region, i => ScopeCity == null || i.RegionCode == ScopeCity)
            .HasQueryFilter(ScopeFilters.Organisation, i => !OrganisationReach || i.OrganisationId == ScopeOrganisationId);

        // Inspections are enforcement's work (a city its own, the province all); the inspected organisation never
        // reads the record, findings or evidence. It reads the orders to correct addressed to it, and only those.
        builder.Entity<Inspection>()
            .HasQueryFilter(ScopeFilters.Cases, i => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, i => ScopeCity == null || i.RegionCode == ScopeCity);
        builder.Entity<InspectionWorker>()
            .HasQueryFilter(ScopeFilters.Cases, w => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, w => ScopeCity == null || w.RegionCode == ScopeCity);
        builder.Entity<InspectionFinding>()
            .HasQueryFilter(ScopeFilters.Cases, f => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, f => ScopeCity == null || f.RegionCode == ScopeCity);
        builder.Entity<InspectionEvidence>()
            .HasQueryFilter(ScopeFilters.Cases, e => !OrganisationReach)
            .HasQueryFilter(ScopeFilters.Region, e => ScopeCity == null || e.RegionCode == ScopeCity);
        builder.Entity<CorrectionOrder>()
            .HasQueryFilter(ScopeFilters.Region, o => ScopeCity == null || o.RegionCode == ScopeCity)
            .HasQueryFilter(ScopeFilters.Organisation, o => !OrganisationReach || o.OrganisationId == ScopeOrganisationId);
    }
}
