using CertGuard.Core.Regions;
using CertGuard.Data.Campaigns;

namespace CertGuard.Testing.Campaigns;

/// <summary>
/// A test-only indicator source with known figures: each code of a city in a window counts
/// <c>weight(code) × (city's place + 1) + whole hours of the window</c>, so every city, code and window differs and a
/// wrong window or a wrong city shows. It leaves "42" (typical cases published) to no one: "not yet available".
/// </summary>
public sealed class FixedIndicatorSource : IIndicatorSource
{
    private static readonly Dictionary<string, decimal> Weights = new(StringComparer.Ordinal)
    {
        ["2"] = 100, ["3"] = 90, ["6"] = 3, ["15"] = 5, ["20"] = 7, ["20.org"] = 2, ["20.person"] = 4, ["24"] = 1,
        ["30"] = 6, ["38"] = 2, ["39"] = 1,
    };

    public IReadOnlyCollection<string> Codes => Weights.Keys;

    public static decimal Count(string code, string cityCode, IndicatorWindow window)
    {
        var place = RegionDirectory.Guangdong.Cities.Select(c => c.Code).ToList().IndexOf(cityCode);
        return Weights[code] * (place + 1) + (decimal)Math.Floor((window.To - window.From).TotalHours);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct)
    {
        var cities = RegionDirectory.Guangdong.Cities.Select(c => c.Code).Where(window.Includes);
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> counted = cities.ToDictionary(
            city => city,
            city => (IReadOnlyDictionary<string, decimal>)Weights.Keys.ToDictionary(code => code, code => Count(code, city, window), StringComparer.Ordinal),
            StringComparer.Ordinal);
        return Task.FromResult(counted);
    }

    public Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IndicatorRecord>>([]);
}
