using System.ComponentModel.DataAnnotations;
using CertGuard.Core.Regions;

namespace CertGuard.Data.Credentials;

/// <summary>The <c>Credentials</c> section: which issuing authorities sign with SM2 instead of ES256.</summary>
public sealed class CredentialOptions : IValidatableObject
{
    public const string Section = "Credentials";

    /// <summary>By city code (e.g. <c>"440300": "SM2"</c>); a city not listed signs with ES256.</summary>
    public Dictionary<string, string> Algorithms { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (city, algorithm) in Algorithms)
        {
            if (!RegionDirectory.Guangdong.IsCity(city))
                yield return new ValidationResult($"“{city}”不是地级以上市的代码。", [$"{nameof(Algorithms)}:{city}"]);
            else if (!string.Equals(algorithm, "SM2", StringComparison.OrdinalIgnoreCase) && !string.Equals(algorithm, "ES256", StringComparison.OrdinalIgnoreCase))
                yield return new ValidationResult($"签名算法只能是 SM2 或 ES256，而不是“{algorithm}”。", [$"{nameof(Algorithms)}:{city}"]);
        }
    }
}
