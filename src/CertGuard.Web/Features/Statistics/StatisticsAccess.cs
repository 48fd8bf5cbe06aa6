using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Web.Features.Accounts;

namespace CertGuard.Web.Features.Statistics;

/// <summary>Who reaches the statistics table: the province office (all cities) and the city offices (their own).</summary>
public static class StatisticsAccess
{
    public const string Policy = "statistics";

    public static IServiceCollection AddStatisticsPolicy(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.ToScope().Role is var r && (r == Role.ProvinceOffice || r == Role.CityOffice)));
        return services;
    }

    /// <summary>"2026-11" → the month's first day.</summary>
    public static DateOnly ParseMonth(string? month) =>
        DateOnly.TryParseExact((month ?? "") + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : throw Refusal.Invalid("REPORT-MONTH-FORMAT");

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
