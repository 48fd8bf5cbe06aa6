using CertGuard.Core.Certificates;
using CertGuard.Core.Registry.Import;
using CertGuard.Core.Time;
using CertGuard.Data.Demo;
using CertGuard.Data.Registry.Export;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// A realistic import file for tests and benchmarks: the demo generator's certificates (every state, histories the rules
/// allow) written as an authority's export with full numbers, all rows valid. Tests spoil chosen rows themselves.
/// </summary>
public static class SampleImportFile
{
    /// <param name="city">Only this city's certificates (the cities' shares of the demo otherwise).</param>
    public static async Task WriteCsvAsync(Stream output, int rows, int seed, TimeProvider clock, CertificateRules rules, string? city = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var random = new Random(seed);
        var generator = new DemoCertificates(random, ChinaTime.Today(clock), rules, DemoOrganisations.Create(random), []);
        // The generator is lazy: asking it for “as many as it takes” and keeping one city's is a filter, not a pile.
        var generated = city is null ? generator.Generate(rows) : generator.Generate(int.MaxValue).Where(c => c.RegionCode == city).Take(rows);
        var certificates = generated.Select(c => ExportRows.Cells(c, c.StateAt(clock, rules), fullNumber: true));
        await SpreadsheetWriters.WriteCsvAsync(output, ImportTemplate.Headers, certificates.ToAsyncEnumerable(), ct);
    }
}
