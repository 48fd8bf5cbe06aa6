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

    /// <summary>shared/data/<paramref name="fileName"/> beside the repository, or null when the tests run elsewhere.</summary>
    public static string? SharedText(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", fileName);
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        return null;
    }

    public static IReadOnlyList<string[]> Rows(string text) =>
        text.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Skip(1) // header
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(','))
            .ToList();
}
