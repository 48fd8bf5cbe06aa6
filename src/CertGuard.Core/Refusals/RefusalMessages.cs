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
        var english = culture.TwoLetterISOLanguageName == "en";
        text = Fill(english ? entry.English : entry.Chinese, arguments, culture);
        return true;
    }

    private static string Fill(string template, IReadOnlyDictionary<string, object?> arguments, CultureInfo culture)
    {
        if (arguments.Count == 0 || !template.Contains('{', StringComparison.Ordinal)) return template;
        var text = new StringBuilder(template);
        foreach (var (name, value) in arguments)
            text.Replace("{" + name + "}", Convert.ToString(value, culture) ?? "");
        return text.ToString();
    }

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
