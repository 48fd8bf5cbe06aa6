using System.Globalization;
using System.Text;

namespace CertGuard.Core;

/// <summary>
/// The text of every refusal, by code, in Chinese and English: <c>tools/refusal-messages.tsv</c>, embedded in this
/// assembly so that the web host, the CLI and the tests read the same table.
/// </summary>
public static class RefusalMessages
{
    private static readonly Lazy<Dictionary<string, (string Chinese, string English)>> Table = new(Load);

    public static IReadOnlyCollection<string> Codes => Table.Value.Keys;

    public static bool Has(string code) => Table.Value.ContainsKey(code);

    public static bool TryFormat(string code, IReadOnlyDictionary<string, object?> arguments, CultureInfo culture, out string text)
    {
        if (!Table.Value.TryGetValue(code, out var entry))
        {
            text = "";
            return false;
        }
        text = Fill(IsEnglish(culture) ? entry.English : entry.Chinese, arguments, culture);
        return true;
    }

    private static string Fill(string template, IReadOnlyDictionary<string, object?> arguments, CultureInfo culture)
    {
        if (arguments.Count == 0 || !template.Contains('{', StringComparison.Ordinal)) return template;
        var text = new StringBuilder(template);
        foreach (var (name, value) in arguments)
            text.Replace("{" + name + "}", Show(value, culture));
        return text.ToString();
    }

    /// <summary>Dates as yyyy-MM-dd in both languages; lists joined the way each language writes them.</summary>
    private static string Show(object? value, CultureInfo culture) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => string.Join(IsEnglish(culture) ? ", " : "、", list.Cast<object?>().Select(v => Show(v, culture))),
        _ => Convert.ToString(value, culture) ?? "",
    };

    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    /// <summary>The placeholders of a code's Chinese and English text, for the test that every code is complete.</summary>
    public static (string Chinese, string English)? Texts(string code) => Table.Value.TryGetValue(code, out var entry) ? entry : null;

    private static Dictionary<string, (string Chinese, string English)> Load()
    {
        using var stream = typeof(RefusalMessages).Assembly.GetManifestResourceStream("CertGuard.Core.refusal-messages.tsv")
            ?? throw new InvalidOperationException("refusal-messages.tsv is not embedded in CertGuard.Core");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<string, (string Chinese, string English)>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length != 3) throw new InvalidOperationException($"refusal-messages.tsv: expected code, Chinese, English: {line}");
            if (!table.TryAdd(cells[0], (cells[1], cells[2])))
                throw new InvalidOperationException($"refusal-messages.tsv: {cells[0]} appears twice");
        }
        return table;
    }
}
