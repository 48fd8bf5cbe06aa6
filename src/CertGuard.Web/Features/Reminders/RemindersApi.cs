using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Organisations;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Registry;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using CertGuard.Data.Settings;

namespace CertGuard.Web.Features.Reminders;

/// <summary>
/// Review reminders for those who act on them: the issuing authority and the city office of each city, the province
/// office, and employers (their own workers). The daily job that marks overdue certificates invalid is set up here too.
/// </summary>
public static class RemindersApi
{
    public const string RemindersPolicy = "reminders";

    private static readonly Role[] Readers = [Role.ProvinceOffice, Role.CityOffice, Role.IssuingAuthority, Role.Employer];

    public sealed record ReminderItem(
        Guid Id, string MaskedNumber, string HolderName, string ItemCode, string ItemName, string RegionCode, string RegionName,
        Guid? EmployerId, string? EmployerName, DateOnly NextReviewDue, int DaysLeft, string Kind, string State, string StateName);

    public sealed record ReminderResponse(
        DateOnly Today, int Days, string Sort, int DueCount, int OverdueCount, int Total, int Page, int PageSize, IReadOnlyList<ReminderItem> Items);

    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder().AddPolicy(RemindersPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
        {
            var scope = c.User.ToScope();
            return scope.CanBrowseRegistry && Readers.Contains(scope.Role);
        }));
        services.AddSettings<OverdueReviewOptions>(OverdueReviewOptions.Section);
        services.AddHostedService<OverdueReviewJob>();
        return services;
    }

    public static RouteGroupBuilder MapRemindersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reminders/reviews", ReviewsAsync).WithTags("复审提醒 Reminders").RequireAuthorization(RemindersPolicy)
            .WithSummary("复审提醒：days 天内应复审的证书与逾期未复审的证书（本账号范围内），按应复审日期排序（sort=due 升序，sort=-due 降序）");
        return api;
    }

    /// <summary>Reads the filters as the page and the API take them; a problem when one is malformed.</summary>
    public static ProblemHttpResult? TryRead(
        int? days, string? kind, string? employer, string? sort, CertificateRules rules,
        out int window, out ReminderKind reminderKind, out Guid? employerId, out string? creditCode, out bool descending)
    {
        window = days ?? rules.ReviewWindowDays;
        reminderKind = ReminderKind.All;
        employerId = null;
        creditCode = null;
        descending = sort == "-due";
        if (window is < 1 or > ReviewReminderQuery.MaxDays)
            return Problems.BadRequest("REMINDERS-DAYS", $"days 应为 1 至 {ReviewReminderQuery.MaxDays} 之间的整数。");
        if (!string.IsNullOrEmpty(kind))
        {
            var name = Enum.GetNames<ReminderKind>().FirstOrDefault(n => string.Equals(n, kind, StringComparison.OrdinalIgnoreCase));
            if (name is null) return Problems.BadRequest("REMINDERS-KIND", "kind 应为 all、due 或 overdue。");
            reminderKind = Enum.Parse<ReminderKind>(name);
        }
        if (sort is not (null or "" or "due" or "-due"))
            return Problems.BadRequest("REMINDERS-SORT", "sort 应为 due（应复审日期升序）或 -due（降序）。");
        if (string.IsNullOrWhiteSpace(employer)) return null;
        var text = employer.Trim().ToUpperInvariant();
        if (Guid.TryParse(text, out var id)) employerId = id;
        else if (UnifiedSocialCreditCode.IsValid(text)) creditCode = text;
        else return Problems.BadRequest("REMINDERS-EMPLOYER", "employer 应为用人单位编号或18位统一社会信用代码。");
        return null;
    }

    private static async Task<Results<Ok<ReminderResponse>, ProblemHttpResult>> ReviewsAsync(
        int? days, string? kind, string? city, string? employer, string? sort, int? page, int? pageSize,
        CertGuardDbContext db, TimeProvider clock, CertificateRules rules, CertificateLabels labels, CancellationToken ct)
    {
        if (TryRead(days, kind, employer, sort, rules, out var window, out var which, out var employerId, out var creditCode, out var descending) is { } problem)
            return problem;
        var today = ChinaTime.Today(clock);
        var result = await new ReviewReminderQuery(window, which, city, employerId, creditCode, descending, page ?? 1, pageSize ?? 50)
            .RunAsync(db, today, ct);
        var items = result.Items.Select(c =>
        {
            var state = c.StateAt(clock, rules);
            return new ReminderItem(c.Id, c.MaskedNumber, c.HolderName, c.ItemCode, CertificateLabels.Item(c.ItemCode), c.RegionCode,
                RegionDirectory.Guangdong.NameOf(c.RegionCode), c.EmployerId, result.EmployerOf(c), c.NextReviewDue,
                c.NextReviewDue.DayNumber - today.DayNumber, c.NextReviewDue < today ? "overdue" : "due", state.ToString(), labels.State(state));
        }).ToList();
        return TypedResults.Ok(new ReminderResponse(today, window, descending ? "-due" : "due", result.DueCount, result.OverdueCount,
            result.Total, result.Page, result.PageSize, items));
    }
}
