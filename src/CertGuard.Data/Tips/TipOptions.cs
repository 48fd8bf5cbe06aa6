using System.ComponentModel.DataAnnotations;

namespace CertGuard.Data.Tips;

/// <summary>The <c>Tips</c> configuration section.</summary>
public sealed class TipOptions
{
    public const string Section = "Tips";

    /// <summary>A receipt stops working after this many days without the reporter's activity.</summary>
    [Range(7, 3650)]
    public int ReceiptInactivityDays { get; set; } = 365;

    /// <summary>Argon2id memory per receipt hash, in KiB (OWASP: 19 MiB with 2 passes).</summary>
    [Range(1024, 1_048_576)]
    public int Argon2MemoryKiB { get; set; } = 19_456;

    [Range(1, 10)]
    public int Argon2Iterations { get; set; } = 2;

    /// <summary>Largest photo accepted, in bytes.</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Photos with one tip or one reply.</summary>
    [Range(0, 10)]
    public int MaxFiles { get; set; } = 5;
}
