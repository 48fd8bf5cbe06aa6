namespace CertGuard.Core.Enforcement.Clocks;

public enum ClockState
{
    /// <summary>More than the warning days are left.</summary>
    Running,

    /// <summary>The deadline is within the warning days (or today).</summary>
    Warning,

    /// <summary>The deadline has passed.</summary>
    Overdue,

    /// <summary>An open pause holds the clock; the deadline moves with it.</summary>
    Paused,
}
