using CertGuard.Core.Catalogue;

namespace CertGuard.Core.Tests.Support;

/// <summary>Reads the reference CSVs on its own (not through the core's reader) so counts can be checked against them.</summary>
public static class ReferenceFiles
{
    public static IReadOnlyList<string[]> EmbeddedRows(string fileName)
    {
        using var stream = typeof(OperationCatalogue).Assembly.GetManifestResourceStream($"CertGuard.Core.ReferenceData.{fileName}")
            ?? throw new InvalidOperationException($"{fileName} is not embedded in the core assembly.");
        using var reader = new StreamReader(stream);
        return Rows(reader.ReadToEnd());
    }

    public static string EmbeddedText(string fileName)
    {
        using var stream = typeof(OperationCatalogue).Assembly.GetManifestResourceStream($"CertGuard.Core.ReferenceData.{fileName}")
            ?? throw new InvalidOperationException($"{fileName} is not embedded in the core assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// tests/fixtures/reference-data/<paramref name="fileName"/>: the design's data files vendored in the repository
    /// (copied beside this assembly by the build), the originals the embedded copies must match.
    /// </summary>
    public static string VendoredText(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "reference-data", fileName);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"The vendored reference file is missing; it comes from tests/fixtures/reference-data.", path);
    }

    public static IReadOnlyList<string[]> Rows(string text) =>
        text.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Skip(1) // header
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(','))
            .ToList();
}
