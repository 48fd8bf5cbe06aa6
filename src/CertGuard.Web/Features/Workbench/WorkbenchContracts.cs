using CertGuard.Core.Accounts;

namespace CertGuard.Web.Features.Workbench;

/// <summary>
/// One thing waiting for the viewer today: what (a resource key of tools/ui-strings.tsv), how many, and where to deal
/// with it. <paramref name="Urgent"/> marks what is already late (overdue, failed).
/// </summary>
public sealed record WorkbenchItem(string Id, string LabelKey, int Count, string Link, bool Urgent = false);

/// <summary>A chart of the workbench, drawn by Apache ECharts and shown as a table beside it (screen readers, export).</summary>
/// <param name="Kind">"bar" or "line".</param>
/// <param name="Categories">The x axis (weeks, dates, cities, bands).</param>
/// <param name="Series">One or more series over the categories (a null value: no data).</param>
/// <param name="Unit">"%" for rates, "" for counts.</param>
public sealed record WorkbenchChart(string Id, string TitleKey, string Kind, IReadOnlyList<string> Categories, IReadOnlyList<WorkbenchSeries> Series, string Unit = "")
{
    /// <summary>The categories are resource keys (bands), not data.</summary>
    public bool LocalisedCategories { get; init; }

    /// <summary>Bars of the series stacked (kinds of one whole).</summary>
    public bool Stacked { get; init; }

    /// <summary>A page with the whole picture (e.g. /dashboard), linked under the chart with <see cref="LinkKey"/>.</summary>
    public string? Link { get; init; }

    public string? LinkKey { get; init; }

    public bool HasData => Series.Any(s => s.Values.Any(v => v is > 0));
}

/// <summary>One series of a chart; its name is a resource key or, when <paramref name="Literal"/>, data (a city's name).</summary>
public sealed record WorkbenchSeries(string NameKey, IReadOnlyList<decimal?> Values, bool Literal = false);

/// <summary>
/// A module's to-do items on the workbench. A module registers its own with
/// <c>services.AddScoped&lt;IWorkbenchItems, TheModulesItems&gt;()</c> in its <c>AddServices</c>; the workbench asks every
/// provider whose <see cref="Policy"/> admits the viewer (the policy of the pages the items link to), in its scope.
/// </summary>
public interface IWorkbenchItems
{
    /// <summary>The authorization policy the viewer must meet; null for any signed-in account.</summary>
    string? Policy { get; }

    Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct);
}

/// <summary>A module's charts on the workbench, registered and asked like <see cref="IWorkbenchItems"/>.</summary>
public interface IWorkbenchCharts
{
    string? Policy { get; }

    Task<IReadOnlyList<WorkbenchChart>> ChartsAsync(AccessScope scope, CancellationToken ct);
}
