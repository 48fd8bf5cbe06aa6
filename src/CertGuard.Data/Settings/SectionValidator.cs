using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Settings;

/// <summary>
/// Validates a section's options by their data annotations, nested option objects included, and names every bad
/// value by its configuration key (<c>Section:Property:Nested</c>), as an operator writes it in appsettings.json or as
/// an environment variable (with <c>__</c> for <c>:</c>).
/// </summary>
public sealed class SectionValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Collect(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Collect(object value, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var keys = result.MemberNames.Any() ? result.MemberNames.Select(m => $"{path}:{m}") : [path];
            failures.AddRange(keys.Select(key => $"配置项 {key} 无效（Invalid setting {key}）：{result.ErrorMessage}"));
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!IsNested(property.PropertyType) || property.GetIndexParameters().Length > 0) continue;
            if (property.GetValue(value) is { } nested) Collect(nested, $"{path}:{property.Name}", failures);
        }
    }

    // Our own option classes nest (PublicQuery:RateLimits:PerClient); strings, collections and framework types do not.
    private static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("CertGuard", StringComparison.Ordinal) == true;
}
