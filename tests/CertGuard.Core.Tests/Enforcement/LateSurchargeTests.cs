using CertGuard.Core.Enforcement.Clocks;

namespace CertGuard.Core.Tests.Enforcement;

/// <summary>加处罚款: 3 % of the fine a day after the due date, never more than the fine.</summary>
public sealed class LateSurchargeTests
{
    private static readonly DateOnly Due = new(2026, 7, 1);

    [Theory]
    [InlineData(20000, 0, 0)]
    [InlineData(20000, -3, 0)]
    [InlineData(20000, 1, 600)]
    [InlineData(20000, 10, 6000)]
    [InlineData(20000, 33, 19800)]
    [InlineData(20000, 34, 20000)]   // 102 % is capped at the fine
    [InlineData(20000, 400, 20000)]
    [InlineData(1050, 1, 31)]        // 31.5 yuan: fractions dropped
    [InlineData(0, 10, 0)]
    public void Surcharge_is_three_per_cent_a_day_capped_at_the_fine(long fine, int daysLate, long expected)
    {
        Assert.Equal(expected, LateSurcharge.For(fine, Due, Due.AddDays(daysLate)));
        Assert.Equal(Math.Max(0, daysLate), LateSurcharge.DaysLate(Due, Due.AddDays(daysLate)));
    }

    [Fact]
    public void A_large_fine_late_for_years_does_not_overflow()
    {
        Assert.Equal(100_000_000, LateSurcharge.For(100_000_000, Due, Due.AddDays(3650)));
        Assert.Equal(99_000_000, LateSurcharge.For(100_000_000, Due, Due.AddDays(33)));
    }
}
