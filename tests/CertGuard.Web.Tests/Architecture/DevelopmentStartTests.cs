using System.Net;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CertGuard.Web.Tests.Architecture;

/// <summary>
/// The README's first command starts the platform in Development on SQLite, where the host validates every service
/// registration at start; the other fixtures run as "Testing", which does not. A registration only PostgreSQL can
/// satisfy once stopped that start before any page answered.
/// </summary>
public sealed class DevelopmentStartTests(DevelopmentSqliteApp app) : IClassFixture<DevelopmentSqliteApp>
{
    [Fact]
    public async Task The_platform_starts_in_Development_on_SQLite_with_its_services_validated_and_answers()
    {
        var response = await app.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class DevelopmentSqliteApp : CertGuardApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}
