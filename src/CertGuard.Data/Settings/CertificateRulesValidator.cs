using CertGuard.Core.Certificates;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Settings;

/// <summary>
/// The <c>CertificateRules</c> section: every period and window is a positive number (a rule of zero years would make
/// every certificate overdue at issue). Written here rather than as annotations, so the domain record stays plain.
/// </summary>
public sealed class CertificateRulesValidator : IValidateOptions<CertificateRules>
{
    public const string Section = "CertificateRules";

    public ValidateOptionsResult Validate(string? name, CertificateRules rules)
    {
        var failures = new List<string>();
        Check(failures, nameof(rules.ValidityYears), rules.ValidityYears, 1, 50);
        Check(failures, nameof(rules.ReviewIntervalYears), rules.ReviewIntervalYears, 1, rules.ValidityYears);
        Check(failures, nameof(rules.ExtendedReviewIntervalYears), rules.ExtendedReviewIntervalYears, rules.ReviewIntervalYears, rules.ValidityYears);
        Check(failures, nameof(rules.ReviewWindowDays), rules.ReviewWindowDays, 1, 365);
        Check(failures, nameof(rules.ExtendedIntervalMinimumYears), rules.ExtendedIntervalMinimumYears, 1, 50);
        Check(failures, nameof(rules.ReapplicationBarYears), rules.ReapplicationBarYears, 0, 50);
        Check(failures, nameof(rules.MinimumAgeAtIssue), rules.MinimumAgeAtIssue, 16, 70);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string property, int value, int min, int max)
    {
        if (value < min || value > max)
            failures.Add($"配置项 {Section}:{property} 无效（Invalid setting {Section}:{property}）：{value} 不在 {min}–{max} 之内。");
    }
}
