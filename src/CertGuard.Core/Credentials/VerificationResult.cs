namespace CertGuard.Core.Credentials;

/// <summary>The stages of verification, in the order they run (DESIGN.md §5).</summary>
public enum VerificationStage
{
    Input,
    Prefix,
    Base45,
    Zlib,
    Cose,
    Kid,
    Signature,
    Claims,
    Dates,
    Status,
    Registry,
    /// <summary>Every stage passed.</summary>
    Complete,
}

/// <summary>
/// The outcome of verifying a QR text: valid, or the first stage that failed with a stable code and a Chinese
/// message. <see cref="Claims"/> is set once the claims could be read (also for a revoked or expired certificate).
/// </summary>
public sealed record VerificationResult(bool Valid, VerificationStage Stage, string Code, string Message, Cg1Claims? Claims = null, string? Detail = null)
{
    public static VerificationResult Fail(VerificationStage stage, string code, string message, Cg1Claims? claims = null, string? detail = null) =>
        new(false, stage, code, message, claims, detail);
}

/// <summary>What a status list says of an index.</summary>
public enum StatusOutcome
{
    Good,
    Revoked,
    /// <summary>The list is not known or not at hand (e.g. offline without a cached copy).</summary>
    Unavailable,
}
