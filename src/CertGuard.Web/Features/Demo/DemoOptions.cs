using System.ComponentModel.DataAnnotations;

namespace CertGuard.Web.Features.Demo;

/// <summary>The <c>Demo</c> section: whether an empty database is seeded with the demo province, and how.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed an empty database at start; set false in production.</summary>
    public bool SeedWhenEmpty { get; set; } = true;

    [Range(0, 10_000_000)]
    public int Certificates { get; set; } = 5000;

    public int RandomSeed { get; set; } = 20180710;

    /// <summary>Where the demo's random passwords and keys are written, relative to the content root.</summary>
    [Required]
    public string CredentialsFile { get; set; } = "data/demo-credentials.txt";
}
