using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertGuard.Core.ReferenceData;

/// <summary>
/// The file format of a reference data version (docs/reference-data.md): what the shipped versions are written in and
/// what the province office uploads. Every field is optional here so that a missing one is reported by name, not as
/// an unreadable file; <see cref="ReferenceDataValidator"/> turns a good document into a <see cref="ReferenceDataVersion"/>.
/// </summary>
public sealed record ReferenceDataDocument
{
    public const string FormatName = "certguard-reference-data/1";

    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    public string? Format { get; init; }

    public string? Key { get; init; }

    public string? Title { get; init; }

    public string? TitleEn { get; init; }

    public DateOnly? EffectiveFrom { get; init; }

    public ReferenceDataStatus? Status { get; init; }

    public string? Note { get; init; }

    public RulesDocument? CertificateRules { get; init; }

    public CatalogueDocument? Catalogue { get; init; }

    public IReadOnlyList<PenaltyDocument>? Penalties { get; init; }

    public IReadOnlyList<TimeLimitDocument>? TimeLimits { get; init; }

    /// <summary>Reads a document; an unreadable one is refused with the parser's position.</summary>
    public static ReferenceDataDocument Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ReferenceDataDocument>(json, JsonOptions)
                ?? throw Refusal.Invalid("REFDATA-FORMAT", ("reason", "null"));
        }
        catch (JsonException e)
        {
            throw Refusal.Invalid("REFDATA-FORMAT", ("reason", $"{e.Path} (line {e.LineNumber + 1})"));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

public sealed record RulesDocument
{
    public string? Basis { get; init; }

    public int? ValidityYears { get; init; }

    public int? ReviewIntervalYears { get; init; }

    public int? ExtendedReviewIntervalYears { get; init; }

    public int? ReviewWindowDays { get; init; }

    public int? ExtendedIntervalMinimumYears { get; init; }

    public int? ReapplicationBarYears { get; init; }

    public int? MinimumAgeAtIssue { get; init; }
}

public sealed record CatalogueDocument
{
    public string? Basis { get; init; }

    public IReadOnlyList<CategoryDocument>? Categories { get; init; }
}

public sealed record CategoryDocument
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<ItemDocument>? Items { get; init; }
}

public sealed record ItemDocument
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    /// <summary>Kept for the certificates that hold it; no new issues.</summary>
    public bool Withdrawn { get; init; }
}

public sealed record PenaltyDocument
{
    public string? Code { get; init; }

    public string? Violation { get; init; }

    public string? ViolationEn { get; init; }

    public PenaltyParty? Party { get; init; }

    public string? LegalBasis { get; init; }

    public string? Measures { get; init; }

    public string? MeasuresEn { get; init; }

    public long? MinimumFine { get; init; }

    public long? MaximumFine { get; init; }

    public string? Note { get; init; }

    /// <summary>The discretion bands (自由裁量基准), optional; each inside the rule's fine range.</summary>
    public IReadOnlyList<BandDocument>? Bands { get; init; }
}

/// <summary>One discretion band of a penalty: when it applies and the fine range it proposes.</summary>
public sealed record BandDocument
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? NameEn { get; init; }

    public string? Conditions { get; init; }

    public string? ConditionsEn { get; init; }

    public BandWhenDocument? When { get; init; }

    public long? MinimumFine { get; init; }

    public long? MaximumFine { get; init; }
}

/// <summary>The band's test: every condition given must hold (an absent one does not matter).</summary>
public sealed record BandWhenDocument
{
    public bool? FirstOffence { get; init; }

    public int? MinWorkers { get; init; }

    public int? MaxWorkers { get; init; }

    public bool? CorrectedInTime { get; init; }

    public bool? MajorHiddenHazard { get; init; }
}

public sealed record TimeLimitDocument
{
    public string? Code { get; init; }

    public string? Step { get; init; }

    public string? StepEn { get; init; }

    public int? Amount { get; init; }

    public TimeLimitUnit? Unit { get; init; }

    public string? LegalBasis { get; init; }

    public string? Note { get; init; }
}
