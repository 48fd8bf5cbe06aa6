namespace CertGuard.Browser.Tests.Infrastructure;

/// <summary>The platform's resource strings (tools/ui-strings.tsv: key, Chinese, English), to assert on what users read.</summary>
internal static class UiStrings
{
    private static readonly Lazy<IReadOnlyDictionary<string, (string Chinese, string English)>> Strings = new(Load);

    public static string Chinese(string key) => Find(key).Chinese;

    public static string English(string key) => Find(key).English;

    /// <summary>The Chinese label of a certificate state named as in the credentials file (e.g. Valid → 有效).</summary>
    public static string ChineseState(string state) => Chinese($"State.{state}");

    private static (string Chinese, string English) Find(string key) =>
        Strings.Value.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No '{key}' in tools/ui-strings.tsv.");

    private static Dictionary<string, (string, string)> Load()
    {
        var path = Path.Combine(RepositoryRoot.Path, "tools", "ui-strings.tsv");
        var strings = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var columns = line.Split('\t');
            if (columns.Length >= 3 && columns[0].Length > 0 && !columns[0].StartsWith('#')) strings[columns[0]] = (columns[1], columns[2]);
        }
        return strings;
    }
}
