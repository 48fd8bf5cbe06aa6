using CertGuard.Testing;

namespace CertGuard.Web.Tests.Institutions;

/// <summary>
/// Training and exam institutions end to end, on one app per provider: the questionnaire and its versions, the
/// self-checks and who sees them, the check at review with every verdict, the block and its signal, and the pages.
/// The questionnaire is one for the whole app, so each test starts from whatever version is current.
/// </summary>
public abstract partial class InstitutionTests(CertGuardApp app)
{
    private readonly CertGuardApp _app = app;
}

public sealed class SqliteInstitutionTests(SqliteApp app) : InstitutionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInstitutionTests(PostgresApp app) : InstitutionTests(app), IClassFixture<PostgresApp>;
