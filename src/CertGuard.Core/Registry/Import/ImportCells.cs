using System.Globalization;

namespace CertGuard.Core.Registry.Import;

/// <summary>Reading one cell: its text as written, dates in the forms offices type, spreadsheet serial dates.</summary>
public static class ImportCells
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyy.MM.dd", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日",
        "yyyy-MM-dd HH:mm:ss", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-M-d H:mm", "yyyy-MM-ddTHH:mm:ss",
    ];

    // Spreadsheets count days from 1899-12-30; 1 is 1899-12-31 and 2958465 is 9999-12-31.
    private const double FirstSerial = 1;
    private const double LastSerial = 2_958_465;

    /// <summary>Placeholders offices write into an optional cell that has nothing to say.</summary>
    private static readonly HashSet<string> Nothing = new(StringComparer.Ordinal) { "-", "—", "－", "/", "／", "无", "N/A", "n/a" };

    /// <summary>yyyy-MM-dd, the form nearly every row of an export has, without the general parser (a million rows, three dates each).</summary>
    private static bool TryIsoDate(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The cell's text, trimmed (also of full-width spaces); empty for an empty cell.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s.Length > 0 && !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1]) ? s : s.Trim().Trim('\u3000').Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim() ?? "",
    };

    /// <summary>The cell's text, or empty when it holds only a placeholder such as “-” or “无”.</summary>
    public static string OptionalText(object? cell)
    {
        var text = Text(cell);
        return Nothing.Contains(text) ? "" : text;
    }

    public static bool IsNumber(object? cell) => cell is double or float or decimal or int or long;

    /// <summary>U+FFFD is what a decoder leaves where bytes were not text in the encoding it assumed.</summary>
    public static bool IsGarbled(string text) => text.Contains('\uFFFD', StringComparison.Ordinal);

    /// <summary>
    /// The first character when it would make a spreadsheet run the cell as a formula (= + - @); a lone “-” is a
    /// placeholder, not a formula.
    /// </summary>
    public static char? FormulaLead(string text) =>
        text.Length > 1 && text[0] is '=' or '+' or '-' or '@' ? text[0] : text.Length == 1 && text[0] is '=' or '+' or '@' ? text[0] : null;

    public static bool TryDate(object? cell, out DateOnly date)
    {
        date = default;
        switch (cell)
        {
            case DateTime t:
                date = DateOnly.FromDateTime(t);
                return true;
            case DateOnly d:
                date = d;
                return true;
            case double serial when serial >= FirstSerial && serial <= LastSerial:
                date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
                return true;
            case string:
                var text = Text(cell);
                if (TryIsoDate(text, out date)) return true;
                return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
                    || (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withTime)
                        && (date = DateOnly.FromDateTime(withTime)) != default);
            default:
                return false;
        }
    }
}
