using CertGuard.Testing.Campaigns;
using Microsoft.AspNetCore.Hosting;

namespace CertGuard.Browser.Tests.Infrastructure;

/// <summary>The browser platform with the test indicator source (<see cref="FixedIndicatorSource"/>) as its only one.</summary>
public sealed class DashboardBrowserApp : BrowserApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(FixedIndicatorsApp.UseFixedIndicators);
    }
}
