using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Sdk;

namespace CertGuard.Web.Tests.Architecture;

/// <summary>
/// Every configuration section is bound and validated the same way, at start: a bad value stops the host with a
/// message naming the key, instead of surfacing later in a request or a nightly job.
/// </summary>
public abstract class SettingsTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Theory]
    [InlineData("Verification:Log:RetentionDays", "-1")]
    [InlineData("Employers:RectificationDays", "0")]
    [InlineData("PublicQuery:RateLimits:PerClient:Burst", "0")]
    [InlineData("Credentials:Algorithms:440300", "RSA")]
    [InlineData("Reviews:OverdueJob:BatchSize", "-5")]
    [InlineData("Site:SiteCode", "not-a-code")]
    public async Task A_bad_value_stops_the_host_naming_the_setting(string key, string value)
    {
        var app = new AppWithSetting(Provider, key, value);
        try
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

            var validation = Find<OptionsValidationException>(failure) ?? throw new XunitException("not a validation failure: " + failure);
            Assert.Contains($"配置项 {key} 无效", validation.Message, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Good_values_start_the_host()
    {
        var app = new AppWithSetting(Provider, "Verification:Log:RetentionDays", "365");
        try
        {
            await app.InitializeAsync();
            Assert.Equal(365, app.Services.GetRequiredService<IOptions<Features.Verification.VerificationLogOptions>>().Value.RetentionDays);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
            if (e is AggregateException aggregate) return aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(f => f is not null);
        }
        return null;
    }

    private sealed class AppWithSetting(DatabaseProvider provider, string key, string value) : CertGuardApp
    {
        public override DatabaseProvider Provider => provider;

        protected override int DemoCertificates => 20;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }
}

public sealed class SqliteSettingsTests : SettingsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresSettingsTests : SettingsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
