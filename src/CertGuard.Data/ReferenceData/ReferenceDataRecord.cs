using CertGuard.Core.Auditing;
namespace CertGuard.Data.ReferenceData;

/// <summary>
/// A reference data version the province office loaded (the shipped ones are in the core assembly, not here): the
/// document as confirmed, never changed afterwards. A later version supersedes it from its own effective date.
/// </summary>
[NotAudited("Confirming a version is audited explicitly (reference-data.confirm, with the file's SHA-256); the whole document in a snapshot would add nothing.")]
public sealed class ReferenceDataRecord
{
    public Guid Id { get; init; }

    public required string Key { get; init; }

    public DateOnly EffectiveFrom { get; init; }

    public required string Title { get; init; }

    public required string Status { get; init; }

    /// <summary>The JSON document (docs/reference-data.md), normalised.</summary>
    public required string Document { get; init; }

    /// <summary>SHA-256 (hex) of <see cref="Document"/>, shown with the version so a printed copy can be matched.</summary>
    public required string Sha256 { get; init; }

    public DateTimeOffset LoadedAt { get; init; }

    public required string LoadedBy { get; init; }
}
