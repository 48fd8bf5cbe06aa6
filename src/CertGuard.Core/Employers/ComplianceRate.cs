namespace CertGuard.Core.Employers;

/// <summary>
/// The lawful certification rate (依法持证率): workers holding a valid certificate for their position's item ÷ all
/// workers in special-operation positions, in percent to one decimal, rounded down so that 100 % means every one.
/// </summary>
public static class ComplianceRate
{
    public static decimal? Percent(int compliant, int workers) =>
        workers <= 0 ? null : Math.Floor(1000m * compliant / workers) / 10m;
}

/// <summary>One position's share of a check (an empty name: rows that named no position).</summary>
public sealed record PositionRate(string Position, int Workers, int Compliant)
{
    public decimal? Rate => ComplianceRate.Percent(Compliant, Workers);
}
