namespace CertGuard.Core.Catalogue;

public sealed record OperationCategory(string Code, string Name);

/// <summary>An item of the catalogue. A withdrawn item keeps its name for the certificates that hold it, but no new ones.</summary>
public sealed record OperationItem(string Code, string Name, string CategoryCode, bool Withdrawn = false);

/// <summary>
/// A special operations catalogue (特种作业目录): categories and the items one may be certified for. Each version of
/// the reference data holds its own (<see cref="ReferenceData.ReferenceDataVersion"/>); whether an item may be issued
/// on a date is the catalogue in force on that date.
/// </summary>
public sealed class OperationCatalogue
{
    private readonly Dictionary<string, OperationItem> _items;
    private readonly Dictionary<string, OperationCategory> _categories;

    public OperationCatalogue(IReadOnlyList<OperationCategory> categories, IReadOnlyList<OperationItem> items)
    {
        Categories = categories;
        Items = items;
        _categories = categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _items = items.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every item any shipped version knows (newest names first): for names and for reading codes. Whether an item may
    /// be issued on a date is <see cref="ReferenceData.ReferenceDataSet.InForce"/>'s catalogue, not this one.
    /// </summary>
    public static OperationCatalogue Current => ReferenceData.ReferenceDataSet.Shipped.AllItems;

    public IReadOnlyList<OperationCategory> Categories { get; }

    public IReadOnlyList<OperationItem> Items { get; }

    public OperationItem? FindItem(string? code) => code is not null && _items.TryGetValue(code, out var i) ? i : null;

    public OperationCategory? FindCategory(string? code) => code is not null && _categories.TryGetValue(code, out var c) ? c : null;

    /// <summary>The item's name, or its code when the catalogue does not know it (a foreign or retired code).</summary>
    public string ItemName(string code) => FindItem(code)?.Name ?? code;

    /// <summary>The category's name, or its code when the catalogue does not know it.</summary>
    public string CategoryName(string code) => FindCategory(code)?.Name ?? code;

    public IEnumerable<OperationItem> ItemsOf(string categoryCode) => Items.Where(i => i.CategoryCode == categoryCode);

    public bool ItemBelongsTo(string itemCode, string categoryCode) => FindItem(itemCode)?.CategoryCode == categoryCode;

    /// <summary>In this catalogue and not withdrawn: a new certificate may be issued for it.</summary>
    public bool IsIssuable(string? code) => FindItem(code) is { Withdrawn: false };

    /// <summary>
    /// One catalogue holding every item of <paramref name="catalogues"/>; where two know a code, the first one's
    /// name and category win (pass the newest first).
    /// </summary>
    public static OperationCatalogue Union(IEnumerable<OperationCatalogue> catalogues)
    {
        var list = catalogues.ToList();
        var categories = list.SelectMany(c => c.Categories).DistinctBy(c => c.Code).OrderBy(c => c.Code, CodeOrder.Instance).ToList();
        var items = list.SelectMany(c => c.Items).DistinctBy(i => i.Code).OrderBy(i => i.Code, CodeOrder.Instance).ToList();
        return new OperationCatalogue(categories, items);
    }
}
