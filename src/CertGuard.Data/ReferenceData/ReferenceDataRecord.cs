namespace CertGuard.Data.ReferenceData;

/// <summary>
/// A reference data version the province office loaded (the shipped ones are in the core assembly, not here): the
/// document as confirmed, never changed afterwards. A later version supersedes it from its own effective date.
/// </summary>
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
