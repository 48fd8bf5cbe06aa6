namespace CertGuard.Web.Features.Accounts;

/// <summary>The <c>Accounts:SignIn</c> section: how failed sign-ins slow down further tries.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Accounts:SignIn";

    /// <summary>Failures for one user name (from anywhere) before a wait is required.</summary>
    public int FreeFailuresPerName { get; set; } = 5;

    /// <summary>Failures from one client address (any names) before a wait is required: higher, an office shares one address.</summary>
    public int FreeFailuresPerAddress { get; set; } = 20;

    /// <summary>The first required wait; each further failure doubles it.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A name or address with no failure for this long starts again from nothing.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>The <c>Accounts:ApiKeys</c> section.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Accounts:ApiKeys";

    /// <summary>How long a new key works; keys made before keys expired count from their creation.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(365);
}
