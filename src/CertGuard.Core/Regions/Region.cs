namespace CertGuard.Core.Regions;

public enum RegionLevel
{
    Province,
    City,
}

/// <summary>An administrative division (GB/T 2260) the platform scopes data by.</summary>
public sealed record Region(string Code, string Name, string NameEn, RegionLevel Level);
