using CertGuard.Core.Catalogue;
using CertGuard.Core.Holders;

namespace CertGuard.Core.Registry.Import;

/// <summary>
/// The registry key (number, item) of every good row seen so far, to find the same certificate twice in one file.
/// Kept compact (a number and an index, not strings): a file of a million rows holds a million keys.
/// </summary>
public sealed class ImportKeys
{
    private static readonly Dictionary<string, int> ItemIndex =
        OperationCatalogue.Current.Items.Select((item, i) => (item.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);

    private readonly Dictionary<(long Digits, int ItemAndCheck), int> _firstRow = [];

    public int Count => _firstRow.Count;

    /// <summary>Remembers the key at <paramref name="row"/>; returns the row that had it first, or null when it is new.</summary>
    public int? Add(ResidentIdNumber holder, string itemCode, int row)
    {
        var key = Key(holder, itemCode);
        if (_firstRow.TryGetValue(key, out var first)) return first;
        _firstRow[key] = row;
        return null;
    }

    // Items a version loaded after the release added (not shipped): numbered after the shipped ones, per file.
    private readonly Dictionary<string, int> _laterItems = new(StringComparer.Ordinal);

    private int IndexOf(string itemCode) =>
        ItemIndex.TryGetValue(itemCode, out var i) ? i
        : _laterItems.TryGetValue(itemCode, out var j) ? j
        : _laterItems[itemCode] = ItemIndex.Count + _laterItems.Count;

    private (long, int) Key(ResidentIdNumber holder, string itemCode)
    {
        var value = holder.Value;
        // 17 digits fit a long; the check character (0-9 or X) and the item index share the int.
        var digits = long.Parse(value.AsSpan(0, 17), System.Globalization.CultureInfo.InvariantCulture);
        var check = value[17] == 'X' ? 10 : value[17] - '0';
        return (digits, (IndexOf(itemCode) << 4) | check);
    }
}
