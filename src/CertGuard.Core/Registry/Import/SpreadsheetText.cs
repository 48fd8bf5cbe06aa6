namespace CertGuard.Core.Registry.Import;

/// <summary>
/// Text for a cell of an exported spreadsheet. A cell starting with = + - @ (or a tab or carriage return, which some
/// programs skip before looking) would run as a formula when the file is opened (CSV injection); such text gets a
/// leading apostrophe, which spreadsheets show as plain text.
/// </summary>
public static class SpreadsheetText
{
    public static string Safe(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
