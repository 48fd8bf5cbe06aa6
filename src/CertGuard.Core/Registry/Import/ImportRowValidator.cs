using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Regions;

namespace CertGuard.Core.Registry.Import;

/// <summary>What a row is checked against: the rules, today (UTC+8), the importer's city and the cities' authorities.</summary>
/// <param name="ScopeCity">The only city the importing account may import for; null for the whole province.</param>
/// <param name="AuthorityOf">The platform's issuing authority of a city, or null when none is registered.</param>
/// <param name="Reference">The reference data versions (the shipped ones when null): an item must be in the catalogue in force on its first issue.</param>
public sealed record ImportContext(CertificateRules Rules, DateOnly Today, string? ScopeCity, Func<string, Guid?> AuthorityOf, ReferenceDataSet? Reference = null);

/// <summary>
/// Checks one row completely and says everything wrong with it, cell by cell, so that an officer fixes a file in one
/// round. A row without issues becomes a <see cref="RecordedCertificate"/>.
/// </summary>
public sealed partial class ImportRowValidator(ImportHeader header, ImportContext context)
{
    public const int MaxNameLength = 64;
    private const int MaxCellLength = 200;

    /// <summary>Adds the row's issues to <paramref name="issues"/>; returns the certificate when there were none.</summary>
    public RecordedCertificate? Validate(ImportRow row, List<ImportIssue> issues)
    {
        var before = issues.Count;
        var id = Number(row, issues);
        var name = Name(row, issues);
        CheckSex(row, id, issues);
        var item = Item(row, issues);
        var first = Date(row, ImportColumn.FirstIssuedOn, required: true, issues);
        var from = Date(row, ImportColumn.ValidFrom, required: true, issues);
        var to = Date(row, ImportColumn.ValidTo, required: true, issues);
        var next = Date(row, ImportColumn.NextReviewDue, required: false, issues);
        if (item is not null && first is { } firstIssued) item = InForce(row, item, firstIssued, issues);
        var city = City(row, issues);
        var dates = CheckDates(row, id, first, from, to, next, issues);
        var status = Status(row, dates, issues);
        if (issues.Count > before || id is null || name is null || item is null || dates is null || city is null || status is null) return null;

        var (_, validFrom, validTo, reviewDue) = dates.Value;
        return new RecordedCertificate(id.Value, name, item.Code, first!.Value, validFrom, validTo, reviewDue,
            city.Code, context.AuthorityOf(city.Code)!.Value, status.Status, status.On, status.Reason, status.EventReason);
    }

    private string Column(ImportColumn column) => header.NameOf(column);

    /// <summary>The item, when the catalogue in force on the first issue held it (a later item cannot have been issued then).</summary>
    private OperationItem? InForce(ImportRow row, OperationItem item, DateOnly firstIssued, List<ImportIssue> issues)
    {
        var version = (context.Reference ?? ReferenceDataSet.Shipped).InForce(firstIssued);
        if (version.Catalogue.FindItem(item.Code) is not null) return item;
        issues.Add(ImportErrors.ItemNotInForce(row.Number, Column(ImportColumn.Item), item.Name, firstIssued, version.CatalogueBasis));
        return null;
    }

    /// <summary>The cell's text when it can be read as text; reports empty required cells, garbling and formulas.</summary>
    private string? Cell(ImportRow row, ImportColumn column, bool required, List<ImportIssue> issues, int max = MaxCellLength)
    {
        var text = required ? ImportCells.Text(row[column]) : ImportCells.OptionalText(row[column]);
        if (row.IsFormula(column))
        {
            issues.Add(ImportErrors.Formula(row.Number, Column(column)));
            return null;
        }
        if (text.Length == 0)
        {
            if (required) issues.Add(ImportErrors.Required(row.Number, Column(column)));
            return null;
        }
        if (ImportCells.IsGarbled(text))
        {
            issues.Add(ImportErrors.Garbled(row.Number, Column(column)));
            return null;
        }
        if (ImportCells.FormulaLead(text) is { } lead)
        {
            issues.Add(ImportErrors.FormulaText(row.Number, Column(column), lead));
            return null;
        }
        if (text.Length > max)
        {
            issues.Add(ImportErrors.TooLong(row.Number, Column(column), max));
            return null;
        }
        return text;
    }

    private ResidentIdNumber? Number(ImportRow row, List<ImportIssue> issues)
    {
        if (ImportCells.IsNumber(row[ImportColumn.Number]) && !row.IsFormula(ImportColumn.Number))
        {
            issues.Add(ImportErrors.NumberNumeric(row.Number, Column(ImportColumn.Number)));
            return null;
        }
        if (Cell(row, ImportColumn.Number, required: true, issues) is not { } text) return null;
        if (text.Contains('*', StringComparison.Ordinal))
        {
            issues.Add(ImportErrors.NumberMasked(row.Number, Column(ImportColumn.Number)));
            return null;
        }
        if (ResidentIdNumber.TryParse(CertificateNumbers.Normalize(text), context.Today, out var id, out var error)) return id;
        issues.Add(ImportErrors.Id(row.Number, Column(ImportColumn.Number), error));
        return null;
    }

    private string? Name(ImportRow row, List<ImportIssue> issues)
    {
        if (Cell(row, ImportColumn.Name, required: true, issues, MaxNameLength) is not { } text) return null;
        // The one name rule of every channel (HolderNames): letters of any script, the dots of transcribed names, spaces.
        if (HolderNames.Problem(text) is null) return text;
        issues.Add(ImportErrors.NameCharacters(row.Number, Column(ImportColumn.Name)));
        return null;
    }

    private void CheckSex(ImportRow row, ResidentIdNumber? id, List<ImportIssue> issues)
    {
        if (Cell(row, ImportColumn.Sex, required: false, issues) is not { } text) return;
        var column = Column(ImportColumn.Sex);
        if (ImportVocabulary.SexOf(text) is not { } sex) issues.Add(ImportErrors.Sex(row.Number, column, text));
        else if (id is { } holder && holder.Sex != sex) issues.Add(ImportErrors.SexMismatch(row.Number, column));
    }

    private OperationItem? Item(ImportRow row, List<ImportIssue> issues)
    {
        var categoryText = Cell(row, ImportColumn.Category, required: true, issues);
        var category = categoryText is null ? null : ImportVocabulary.Category(categoryText);
        if (categoryText is not null && category is null)
            issues.Add(ImportErrors.UnknownCategory(row.Number, Column(ImportColumn.Category), categoryText));

        if (Cell(row, ImportColumn.Item, required: true, issues) is not { } itemText) return null;
        var column = Column(ImportColumn.Item);
        if (ImportCells.IsNumber(row[ImportColumn.Item]) && ImportVocabulary.IsAmbiguousNumber(itemText))
        {
            issues.Add(ImportErrors.AmbiguousItem(row.Number, column, itemText));
            return null;
        }
        // A version loaded after the release may add items the shipped vocabulary does not know: read them by code.
        if ((ImportVocabulary.Item(itemText) ?? context.Reference?.AllItems.FindItem(itemText.Trim())) is not { } item)
        {
            issues.Add(ImportErrors.UnknownItem(row.Number, column, itemText));
            return null;
        }
        if (category is not null && item.CategoryCode != category.Code)
        {
            issues.Add(ImportErrors.ItemNotInCategory(row.Number, column, item.Name, category.Name));
            return null;
        }
        return category is null ? null : item;
    }

    private DateOnly? Date(ImportRow row, ImportColumn column, bool required, List<ImportIssue> issues)
    {
        var cell = row[column];
        if (cell is string or null)
        {
            if (Cell(row, column, required, issues) is not { } text) return null;
            if (ImportCells.TryDate(text, out var parsed)) return parsed;
            issues.Add(ImportErrors.Date(row.Number, Column(column), text));
            return null;
        }
        if (row.IsFormula(column))
        {
            issues.Add(ImportErrors.Formula(row.Number, Column(column)));
            return null;
        }
        if (ImportCells.TryDate(cell, out var date)) return date;
        issues.Add(ImportErrors.Date(row.Number, Column(column), ImportCells.Text(cell)));
        return null;
    }

    private Region? City(ImportRow row, List<ImportIssue> issues)
    {
        if (Cell(row, ImportColumn.Authority, required: true, issues) is not { } text) return null;
        var column = Column(ImportColumn.Authority);
        if (ImportVocabulary.City(text) is not { } city)
        {
            issues.Add(ImportErrors.UnknownCity(row.Number, column, text));
            return null;
        }
        if (context.ScopeCity is { } scope && scope != city.Code)
        {
            issues.Add(ImportErrors.CityOutOfScope(row.Number, column, city.Name, RegionDirectory.Guangdong.NameOf(scope)));
            return null;
        }
        if (context.AuthorityOf(city.Code) is null)
        {
            issues.Add(ImportErrors.NoAuthority(row.Number, column, city.Name));
            return null;
        }
        return city;
    }
}
