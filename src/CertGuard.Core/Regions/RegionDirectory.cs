using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Regions;

/// <summary>Guangdong province and its 21 prefecture-level cities, from the reference data.</summary>
public sealed class RegionDirectory
{
    private readonly Dictionary<string, Region> _byCode;

    private RegionDirectory(Region province, IReadOnlyList<Region> cities)
    {
        Province = province;
        Cities = cities;
        _byCode = cities.Append(province).ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    public static RegionDirectory Guangdong { get; } = Load();

    public Region Province { get; }

    public IReadOnlyList<Region> Cities { get; }

    public Region? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var r) ? r : null;

    public bool IsCity(string? code) => Find(code)?.Level == RegionLevel.City;

    public string NameOf(string? code) => Find(code)?.Name ?? code ?? "";

    private static RegionDirectory Load()
    {
        var regions = EmbeddedCsv.ReadRows("cities.csv")
            .Select(f => new Region(f[0], f[1], f[2], f[0].EndsWith("0000", StringComparison.Ordinal) ? RegionLevel.Province : RegionLevel.City))
            .ToList();
        var province = regions.Single(r => r.Level == RegionLevel.Province);
        return new RegionDirectory(province, regions.Where(r => r.Level == RegionLevel.City).ToList());
    }
}
