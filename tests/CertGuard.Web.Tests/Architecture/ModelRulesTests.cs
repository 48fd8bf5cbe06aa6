using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Institutions;
using CertGuard.Core.Verification;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Audit;
using CertGuard.Data.Credentials;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Migrations_run_without_the_30_second_command_timeout_and_put_it_back()
    {
        // An index built by a migration over ten million certificates takes minutes (issue 16): the start must not
        // stop half-way at Npgsql's default 30 s.
        await using var empty = await TestDatabase.CreateAsync(app.Provider);
        var seen = new CommandTimeouts();
        var seal = app.Services.GetRequiredService<AuditSeal>();
        await using CertGuardDbContext db = app.Provider == DatabaseProvider.Postgres
            ? new PostgresCertGuardDbContext(new DbContextOptionsBuilder<PostgresCertGuardDbContext>().UseNpgsql(empty.ConnectionString).AddInterceptors(seen).Options,
                SystemActor.Platform, TimeProvider.System, seal)
            : new SqliteCertGuardDbContext(new DbContextOptionsBuilder<SqliteCertGuardDbContext>().UseSqlite(empty.ConnectionString).AddInterceptors(seen).Options,
                SystemActor.Platform, TimeProvider.System, seal);
        var before = db.Database.GetCommandTimeout();

        await db.MigrateAsync();

        Assert.True(seen.Timeouts.Count > 20, $"{seen.Timeouts.Count} commands");
        Assert.All(seen.Timeouts, t => Assert.True(t >= 3600, $"a migration command with a {t} s timeout"));
        Assert.Equal(before, db.Database.GetCommandTimeout());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private sealed class CommandTimeouts : DbCommandInterceptor
    {
        public List<int> Timeouts { get; } = [];

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            // Only the migrations' own statements: their DDL and history inserts.
            if (eventData.CommandSource == CommandSource.Migrations) Timeouts.Add(command.CommandTimeout);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class SqliteModelRulesTests(SqliteApp app) : ModelRulesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresModelRulesTests(PostgresApp app) : ModelRulesTests(app), IClassFixture<PostgresApp>;
