namespace CertGuard.Web.Features.Dashboard;

/// <summary>
/// One chart's table, in the page's language: what the page shows beside the chart (for screen readers) and what its
/// CSV download holds, built once so the two never differ. The first cell of a row is its heading.
/// </summary>
/// <param name="Id">map, trend, ranking or results: the chart it goes with and the CSV's name.</param>
/// <param name="Title">The chart's heading.</param>
/// <param name="Chart">The chart's data for /dashboard/dashboard.js, as JSON.</param>
public sealed record DashboardTable(string Id, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string Chart)
{
    public static readonly IReadOnlyList<string> Ids = ["map", "trend", "ranking", "results"];

    /// <summary>The table as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese).</summary>
    public byte[] ToCsv()
    {
        var text = new System.Text.StringBuilder();
        foreach (var row in Rows.Prepend(Headers))
            text.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    // Quotes what needs it; a cell a spreadsheet would run as a formula gets a leading apostrophe.
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
