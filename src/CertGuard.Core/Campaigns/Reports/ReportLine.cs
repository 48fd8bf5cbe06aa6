namespace CertGuard.Core.Campaigns.Reports;

/// <summary>How a report's line gets its value.</summary>
public enum LineSource
{
    /// <summary>Counted by a module (live in a draft, frozen once submitted); may be corrected by hand.</summary>
    Computed,

    /// <summary>Typed by the city office with a source note.</summary>
    Entered,

    /// <summary>A rate recomputed from two other lines.</summary>
    Ratio,

    /// <summary>No module counts it yet: 暂无数据, never 0.</summary>
    Unavailable,
}

/// <summary>One line of a city's report: what was computed, what the city put instead and why, and what is reported.</summary>
public sealed record ReportLine(
    StatisticsIndicator Indicator,
    LineSource Source,
    decimal? Computed,
    decimal? Corrected,
    string? Reason,
    decimal? Entered,
    string? SourceNote,
    decimal? Value)
{
    public string Code => Indicator.Code;
}
