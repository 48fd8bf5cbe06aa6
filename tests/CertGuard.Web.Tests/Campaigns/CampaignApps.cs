using CertGuard.Data.Campaigns;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CertGuard.Web.Tests.Campaigns;

/// <summary>
/// Figures the circular tests can predict: the platform with its indicator sources replaced by one fixed source
/// (whatever modules have merged), so the ranking comes from the calculator and nothing else.
/// </summary>
public sealed class FixedIndicators : IIndicatorSource
{
    /// <summary>Fake certificates found (code 6) per city; 深圳 first, 佛山 second, 广州 third, the rest 0.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> Fakes = new Dictionary<string, decimal>
    {
        ["440300"] = 9, ["440600"] = 7, ["440100"] = 4,
    };

    public IReadOnlyCollection<string> Codes { get; } = ["5", "6"];

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>>(Fakes.Where(f => window.Includes(f.Key))
            .ToDictionary(f => f.Key, f => (IReadOnlyDictionary<string, decimal>)new Dictionary<string, decimal> { ["5"] = f.Value * 10, ["6"] = f.Value }));

    public Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IndicatorRecord>>([]);
}

public abstract class CampaignApp : CertGuardApp
{
    // The seeding writes the campaign's data itself; the indicator sources replaced here only count at request time.
    protected override bool StartsFromSeededTemplate => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<IIndicatorSource>();
            s.AddScoped<IIndicatorSource, FixedIndicators>();
        });
    }
}

public sealed class SqliteCampaignApp : CampaignApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresCampaignApp : CampaignApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
