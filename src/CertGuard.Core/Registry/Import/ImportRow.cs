namespace CertGuard.Core.Registry.Import;

/// <summary>
/// One data row of an import file, its cells placed by column. A cell holds text, or (from a spreadsheet) a number,
/// a date or a boolean, or null when empty.
/// </summary>
public sealed class ImportRow
{
    private readonly object?[] _cells;
    private readonly int _formulas;

    public ImportRow(int number, object?[] cells, int formulaColumns = 0)
    {
        if (cells.Length != ImportColumns.Count) throw new ArgumentException($"{ImportColumns.Count} cells expected.", nameof(cells));
        Number = number;
        _cells = cells;
        _formulas = formulaColumns;
    }

    /// <summary>The row as the spreadsheet numbers it: the header is row 1.</summary>
    public int Number { get; }

    public object? this[ImportColumn column] => _cells[(int)column];

    /// <summary>The spreadsheet cell holds a formula (its value is what the formula last computed).</summary>
    public bool IsFormula(ImportColumn column) => (_formulas & (1 << (int)column)) != 0;

    /// <summary>Every cell empty: a spacer line, skipped rather than reported.</summary>
    public bool IsBlank => _cells.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s)));
}

/// <summary>The header row: which file column holds which import column, and what the file calls it.</summary>
public sealed class ImportHeader
{
    private readonly int[] _source;
    private readonly string[] _names;

    private ImportHeader(int[] source, string[] names)
    {
        _source = source;
        _names = names;
    }

    /// <summary>Reads the header; the issues say which required columns are missing or given twice.</summary>
    public static ImportHeader Read(IReadOnlyList<string?> cells, out IReadOnlyList<ImportIssue> issues)
    {
        var source = Enumerable.Repeat(-1, ImportColumns.Count).ToArray();
        var names = ImportColumns.All.Select(s => s.Header).ToArray();
        var found = new List<ImportIssue>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (ImportColumns.Find(cells[i]) is not { } column) continue;
            if (source[(int)column] >= 0)
            {
                found.Add(ImportErrors.ColumnTwice(cells[i]!.Trim()));
                continue;
            }
            source[(int)column] = i;
            names[(int)column] = cells[i]!.Trim();
        }
        found.AddRange(ImportColumns.All.Where(s => s.Required && source[(int)s.Column] < 0).Select(s => ImportErrors.ColumnMissing(s.Header)));
        issues = found;
        return new ImportHeader(source, names);
    }

    /// <summary>The header of the column as the file writes it (the template's when the file has no such column).</summary>
    public string NameOf(ImportColumn column) => _names[(int)column];

    public bool Has(ImportColumn column) => _source[(int)column] >= 0;

    /// <summary>Places a file row's cells by column. <paramref name="isFormula"/> says which file cells hold formulas.</summary>
    public ImportRow Place(int number, IReadOnlyList<object?> fileCells, Func<int, bool>? isFormula = null)
    {
        var cells = new object?[ImportColumns.Count];
        var formulas = 0;
        for (var c = 0; c < cells.Length; c++)
        {
            var index = _source[c];
            if (index < 0 || index >= fileCells.Count) continue;
            cells[c] = fileCells[index];
            if (isFormula?.Invoke(index) == true) formulas |= 1 << c;
        }
        return new ImportRow(number, cells, formulas);
    }
}
