using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Settings;

/// <summary>
/// The one way a configuration section becomes options: bound from its section, checked by its data annotations
/// (and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>, or an <see cref="IValidateOptions{T}"/>
/// added beside it for rules annotations cannot express), at start, so a bad value stops the host with the key named
/// (e.g. <c>Verification:Log:RetentionDays</c>) instead of failing later in a request or a job.
/// </summary>
public static class SettingsRegistration
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new SectionValidator<T>(section)));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }
}
