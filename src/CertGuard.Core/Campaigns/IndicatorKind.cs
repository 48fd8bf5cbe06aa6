namespace CertGuard.Core.Campaigns;

/// <summary>How a statistics-table figure comes to be.</summary>
public enum IndicatorKind
{
    /// <summary>Counted from the platform's records by a module's <c>IIndicatorSource</c>.</summary>
    Computed,

    /// <summary>Typed in by the responsible department, with a source note.</summary>
    Entered,

    /// <summary>A percentage of two other figures, recomputed from sums on every total.</summary>
    Ratio,
}
