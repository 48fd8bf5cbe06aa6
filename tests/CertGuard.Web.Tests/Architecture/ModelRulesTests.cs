using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Institutions;
using CertGuard.Core.Verification;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Audit;
using CertGuard.Data.Credentials;
using CertGuard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Architecture;

/// <summary>
/// Rules of the database model that no single feature owns: every entity type decides whether it is audited (and
/// says why not), the ones with personal data or decisions are audited, and every region- or organisation-held
/// entity is scoped by a named query filter.
/// </summary>
public abstract class ModelRulesTests(CertGuardApp app)
{
    /// <summary>Personal data or a decision: a change of these must be in the audit log.</summary>
    public static readonly Type[] MustBeAudited =
    [
        typeof(Certificate), typeof(CertificateEvent), typeof(Core.Organisations.Organisation), typeof(Account),
        typeof(IdentityUserRole<string>), typeof(ApiKey), typeof(CredentialKeyRecord), typeof(Signal), typeof(InspectionLead),
        typeof(Position), typeof(RosterCheck), typeof(RectificationItem), typeof(QuestionnaireVersion), typeof(SelfCheckSubmission),
    ];

    /// <summary>Held by a region or an organisation, yet read by everyone on purpose (CertGuardDbContext.Scope.cs says why).</summary>
    public static readonly Type[] UnscopedOnPurpose =
    [
        typeof(Core.Organisations.Organisation), typeof(VerificationRecord), typeof(Account), typeof(ApiKey), typeof(CredentialKeyRecord), typeof(StatusListRecord),
    ];

    [Fact]
    public void Every_entity_type_is_audited_or_excluded_with_a_reason()
    {
        using var db = app.SystemDb();
        var undecided = db.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => AuditMarkers.For(t) is null).Select(t => t.Name).ToList();
        Assert.True(undecided.Count == 0, "neither [Audited] nor [NotAudited(reason)]: " + string.Join(", ", undecided));
        Assert.All(db.Model.GetEntityTypes().Select(e => AuditMarkers.For(e.ClrType)!), d => Assert.True(d.Audited || !string.IsNullOrWhiteSpace(d.Reason)));
    }

    [Fact]
    public void Entities_with_personal_data_or_decisions_are_audited()
    {
        using var db = app.SystemDb();
        Assert.All(MustBeAudited, t => Assert.True(AuditMarkers.IsAudited(t), $"{t.Name} is not audited"));
        Assert.All(MustBeAudited, t => Assert.NotNull(db.Model.FindEntityType(t)));
    }

    [Fact]
    public void Every_region_or_organisation_held_entity_has_a_named_scope_filter()
    {
        using var db = app.SystemDb();
        var held = db.Model.GetEntityTypes()
            .Where(e => e.FindProperty("RegionCode") is not null || e.FindProperty("OrganisationId") is not null || e.FindProperty("EmployerId") is not null)
            .Where(e => !UnscopedOnPurpose.Contains(e.ClrType))
            .ToList();

        Assert.Contains(held, e => e.ClrType == typeof(RectificationItem));
        Assert.All(held, e =>
        {
            var names = e.GetDeclaredQueryFilters().Select(f => f.Key).ToList();
            Assert.True(names.Any(n => n is ScopeFilters.Region or ScopeFilters.Organisation), $"{e.ClrType.Name} has no scope filter");
            Assert.DoesNotContain(null, names);
        });
    }
}

public sealed class SqliteModelRulesTests(SqliteApp app) : ModelRulesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresModelRulesTests(PostgresApp app) : ModelRulesTests(app), IClassFixture<PostgresApp>;
