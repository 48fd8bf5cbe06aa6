using CertGuard.Data.Campaigns;
using CertGuard.Data.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CertGuard.Testing.Campaigns;

/// <summary>
/// The platform with <see cref="FixedIndicatorSource"/> as its only indicator source (the modules' own sources are
/// taken out), so the campaign's figures are known whatever modules count.
/// </summary>
public abstract class FixedIndicatorsApp : CertGuardApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(UseFixedIndicators);
    }

    public static void UseFixedIndicators(IServiceCollection services)
    {
        services.RemoveAll<IIndicatorSource>();
        services.AddScoped<IIndicatorSource, FixedIndicatorSource>();
    }
}

public sealed class SqliteFixedIndicatorsApp : FixedIndicatorsApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresFixedIndicatorsApp : FixedIndicatorsApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
