using System.Threading.RateLimiting;
using CertGuard.Data.Employers;
using CertGuard.Web.Features.Verification.PublicQuery;
using CertGuard.Web.Infrastructure.RateLimits;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// Self-registration needs no account, so a script could fill the city office's approval queue: anonymous
/// registrations are limited per client address (<see cref="EmployerOptions.RegistrationsPerHour"/>). Showing the form
/// is not limited, nor is a city office registering employers.
/// </summary>
internal sealed class RegistrationLimit(IOptions<EmployerOptions> options, RateLimitStore store) : IRateLimiterPolicy<string>
{
    public const string Policy = "employer-registration";

    public RateLimitPartition<string> GetPartition(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.User.Identity?.IsAuthenticated == true) return RateLimitPartition.GetNoLimiter("");
        return store.FixedWindow(Policy, PublicQueryRateLimits.AddressKey(context.Connection.RemoteIpAddress), new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.RegistrationsPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        var seconds = PublicQueryRateLimits.RetryAfterSeconds(context.Lease);
        return RateLimitProblems.WriteAsync(context.HttpContext, seconds, "EMPLOYER-REGISTRATION-LIMITED", "注册提交过于频繁，请稍后再试。",
            $"同一网络地址每小时最多提交{options.Value.RegistrationsPerHour}次用人单位注册，请在{(seconds + 59) / 60}分钟后再试；如需批量登记，请联系所在市的市安委办。",
            challenge: false);
    };

    public static void AddTo(IServiceCollection services) =>
        services.AddOptions<RateLimiterOptions>().Configure(o => o.AddPolicy<string, RegistrationLimit>(Policy));
}
