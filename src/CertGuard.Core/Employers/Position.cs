using CertGuard.Core.Catalogue;
using CertGuard.Core.Registry.Import;
using CertGuard.Core.Auditing;

namespace CertGuard.Core.Employers;

/// <summary>
/// A special-operation position (特种作业岗位) of an employer, naming the operation items (准操项目) it requires. A
/// worker in it is lawfully certified when he holds a valid certificate for any one of those items: a position such
/// as 电工 may be done with a high- or a low-voltage certificate, and the employer lists the ones it accepts.
/// </summary>
[Audited]
public sealed class Position
{
    public const int NameMaxLength = 64;
    public const int DutiesMaxLength = 500;
    public const int MaxItems = 20;

    private Position()
    {
        Name = ItemCodes = "";
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The name rosters write in their 岗位 column.</summary>
    public string Name { get; private set; }

    /// <summary>The accepted item codes, comma separated in catalogue order (e.g. "1.1,1.2").</summary>
    public string ItemCodes { get; private set; }

    /// <summary>What the position does (岗位职责), optional.</summary>
    public string? Duties { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string> Items => ItemCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Accepts(string itemCode) => Items.Contains(itemCode, StringComparer.Ordinal);

    public static Position Define(Guid organisationId, string name, IEnumerable<string> itemCodes, string? duties, DateTimeOffset at)
    {
        var position = new Position { Id = Guid.CreateVersion7(at), OrganisationId = organisationId, CreatedAt = at };
        position.Change(name, itemCodes, duties, at);
        return position;
    }

    public void Change(string name, IEnumerable<string> itemCodes, string? duties, DateTimeOffset at)
    {
        Name = CheckName(name);
        ItemCodes = string.Join(',', CheckItems(itemCodes));
        var text = duties?.Trim();
        if (text is { Length: > DutiesMaxLength })
            throw Refusal.Invalid("POSITION-DUTIES", ("max", DutiesMaxLength));
        Duties = string.IsNullOrEmpty(text) ? null : text;
        UpdatedAt = at;
    }

    /// <summary>The name as rosters are matched against it: trimmed, inner spaces kept.</summary>
    public static string NormaliseName(string? name) => (name ?? "").Trim().Trim('\u3000').Trim();

    private static string CheckName(string name)
    {
        var text = NormaliseName(name);
        if (text.Length == 0 || text.Length > NameMaxLength)
            throw Refusal.Invalid("POSITION-NAME", ("max", NameMaxLength));
        if (ImportCells.FormulaLead(text) is { } lead)
            throw Refusal.Invalid("POSITION-NAME-LEAD", ("lead", lead));
        return text;
    }

    private static List<string> CheckItems(IEnumerable<string> itemCodes)
    {
        var catalogue = OperationCatalogue.Current;
        var codes = itemCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
            throw Refusal.Invalid("POSITION-ITEMS", ("max", MaxItems));
        if (codes.Count > MaxItems)
            throw Refusal.Invalid("POSITION-ITEMS", ("max", MaxItems));
        if (codes.FirstOrDefault(c => catalogue.FindItem(c) is null) is { } unknown)
            throw Refusal.Invalid("POSITION-ITEM-UNKNOWN", ("item", unknown));
        var order = catalogue.Items.Select((item, index) => (item.Code, index)).ToDictionary(p => p.Code, p => p.index, StringComparer.Ordinal);
        return [.. codes.OrderBy(c => order[c])];
    }
}
