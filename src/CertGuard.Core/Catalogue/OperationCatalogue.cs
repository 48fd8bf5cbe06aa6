using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Catalogue;

public sealed record OperationCategory(string Code, string Name);

public sealed record OperationItem(string Code, string Name, string CategoryCode);

/// <summary>
/// The special operations catalogue (特种作业目录) of Order No. 30: categories and the items one may be certified for.
/// </summary>
public sealed class OperationCatalogue
{
    private readonly Dictionary<string, OperationItem> _items;
    private readonly Dictionary<string, OperationCategory> _categories;

    private OperationCatalogue(IReadOnlyList<OperationCategory> categories, IReadOnlyList<OperationItem> items)
    {
        Categories = categories;
        Items = items;
        _categories = categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _items = items.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    public static OperationCatalogue Current { get; } = Load();

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

    private static OperationCatalogue Load()
    {
        var rows = EmbeddedCsv.ReadRows("catalogue.csv").ToList();
        var categories = rows.Select(f => new OperationCategory(f[0], f[1])).DistinctBy(c => c.Code).ToList();
        var items = rows.Select(f => new OperationItem(f[2], f[3], f[0])).ToList();
        return new OperationCatalogue(categories, items);
    }
}
