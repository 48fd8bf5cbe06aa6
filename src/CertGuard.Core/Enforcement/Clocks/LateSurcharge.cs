namespace CertGuard.Core.Enforcement.Clocks;

/// <summary>
/// 加处罚款 for a fine paid late: 3 % of the fine for each day after the due date, never more than the fine itself
/// (《行政处罚法》（2021年修订）第七十二条第一款第（一）项). Amounts are whole yuan, fractions dropped.
/// </summary>
public static class LateSurcharge
{
    /// <summary>Per cent of the fine per day late (the law's figure, fixed by the statute rather than the rules).</summary>
    public const int PercentPerDay = 3;

    public static long For(long fine, DateOnly due, DateOnly paidOrToday)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fine);
        var days = paidOrToday.DayNumber - due.DayNumber;
        if (days <= 0 || fine == 0) return 0;
        // Cap before multiplying: 34 days already reach the fine, so larger counts cannot overflow.
        if (days * PercentPerDay >= 100) return fine;
        return Math.Min(fine, fine / 100 * PercentPerDay * days + fine % 100 * PercentPerDay * days / 100);
    }

    /// <summary>Days after <paramref name="due"/> (0 when paid on time).</summary>
    public static int DaysLate(DateOnly due, DateOnly paidOrToday) => Math.Max(0, paidOrToday.DayNumber - due.DayNumber);
}
