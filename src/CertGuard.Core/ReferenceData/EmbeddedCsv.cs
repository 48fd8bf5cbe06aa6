using System.Reflection;

namespace CertGuard.Core.ReferenceData;

/// <summary>Reads the reference CSV files compiled into this assembly (copies of the design data, vendored in tests/fixtures/reference-data).</summary>
internal static class EmbeddedCsv
{
    public static IEnumerable<string[]> ReadRows(string fileName)
    {
        var name = $"CertGuard.Core.ReferenceData.{fileName}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded reference data {name} is missing.");
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine(); // header
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            // Reference files hold no quoted fields; a comma inside a name would be a data error we want to see.
            rows.Add(line.Split(','));
        }
        return rows;
    }
}
