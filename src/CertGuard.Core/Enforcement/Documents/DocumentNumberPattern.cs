using System.Globalization;

namespace CertGuard.Core.Enforcement.Documents;

/// <summary>
/// How an authority numbers its documents: the city's short name (穗, 深, 佛 …), the department's (应急), the kind's
/// abbreviation, the year in 〔〕 and the sequence of that kind in that year: 穗应急罚〔2026〕12号. A pure formatter; the
/// sequence comes from the authority's counter (CertGuard.Data.Enforcement.DocumentNumbers).
/// </summary>
public sealed record DocumentNumberPattern(string CityShort, string DepartmentShort)
{
    /// <summary>The department short name of the emergency management bureaus (应急管理局).</summary>
    public const string EmergencyManagement = "应急";

    /// <summary>The prefix before the kind: 穗应急.</summary>
    public string Prefix => CityShort + DepartmentShort;

    public string Format(CaseDocumentKind kind, int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{kind.Abbreviation()}〔{year}〕{sequence}号");
    }

    /// <summary>The pattern of a city's emergency management bureau (city code 440100 → 穗应急), or null for an unknown city.</summary>
    public static DocumentNumberPattern? ForCity(string cityCode, string departmentShort = EmergencyManagement) =>
        CityShortNames.TryGetValue(cityCode, out var shortName) ? new DocumentNumberPattern(shortName, departmentShort) : null;

    /// <summary>
    /// The short names Guangdong's cities use in document numbers (the province: 粤). Where a city's customary short
    /// name is not one character (汕尾) it is kept whole so it cannot be read as another city's (汕头 = 汕).
    /// </summary>
    public static IReadOnlyDictionary<string, string> CityShortNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["440000"] = "粤", ["440100"] = "穗", ["440200"] = "韶", ["440300"] = "深", ["440400"] = "珠", ["440500"] = "汕",
        ["440600"] = "佛", ["440700"] = "江", ["440800"] = "湛", ["440900"] = "茂", ["441200"] = "肇", ["441300"] = "惠",
        ["441400"] = "梅", ["441500"] = "汕尾", ["441600"] = "河", ["441700"] = "阳", ["441800"] = "清", ["441900"] = "莞",
        ["442000"] = "中", ["445100"] = "潮", ["445200"] = "揭", ["445300"] = "云",
    };
}
