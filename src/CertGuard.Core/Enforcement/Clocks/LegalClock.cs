using CertGuard.Core.ReferenceData;
using CertGuard.Core.Time;

namespace CertGuard.Core.Enforcement.Clocks;

/// <summary>
/// Reads a procedural time limit (reference data, never a literal) from its start: the deadline, the days left and
/// whether to warn. Days and years are counted as 《行政处罚法》 and the civil rules count periods: the start day is not
/// counted and the period ends at the end of its last day, China time (UTC+8); hours run from the start instant.
/// Approved pauses do not count and approved extensions add natural days; an unapproved change is refused.
/// </summary>
public static class LegalClock
{
    public static ClockReading Read(
        ProceduralTimeLimit limit,
        DateTimeOffset start,
        DateTimeOffset now,
        IReadOnlyList<ClockPause> pauses,
        IReadOnlyList<ClockExtension> extensions,
        int warnDays = 7)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(pauses);
        ArgumentNullException.ThrowIfNull(extensions);
        foreach (var p in pauses) CheckPause(p);
        foreach (var e in extensions) CheckExtension(e);

        var deadline = BaseDeadline(limit, start);
        var extra = extensions.Sum(e => e.Days);
        var paused = PausedSpan(limit.Unit, start, now, pauses, out var open);
        deadline = limit.Unit == TimeLimitUnit.Hours
            ? deadline + paused + TimeSpan.FromDays(extra)
            : ChinaTime.EndOfDay(ChinaTime.DateOf(deadline).AddDays(extra + (int)paused.TotalDays));

        var daysLeft = ChinaTime.DateOf(deadline).DayNumber - ChinaTime.DateOf(now).DayNumber;
        var state = now > deadline ? ClockState.Overdue
            : open ? ClockState.Paused
            : daysLeft <= warnDays ? ClockState.Warning
            : ClockState.Running;
        return new ClockReading(limit.Code, deadline.ToUniversalTime(), daysLeft, state);
    }

    /// <summary>Refuses a pause without its reason and approver, or one that ends before it begins.</summary>
    public static void CheckPause(ClockPause pause)
    {
        ArgumentNullException.ThrowIfNull(pause);
        if (string.IsNullOrWhiteSpace(pause.Reason) || string.IsNullOrWhiteSpace(pause.ApprovedBy))
            throw Refusal.Invalid("CLOCK-CHANGE-UNAPPROVED");
        if (pause.To is { } to && to < pause.From)
        {
            var (from, until) = (Shown(pause.From), Shown(to));
            throw Refusal.Invalid("CLOCK-PAUSE-RANGE", ("from", from), ("to", until));
        }
    }

    /// <summary>An instant as people read it in a refusal: China time to the minute.</summary>
    private static string Shown(DateTimeOffset instant) =>
        ChinaTime.ToChina(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Refuses an extension without its reason and approver, or of no days.</summary>
    public static void CheckExtension(ClockExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (string.IsNullOrWhiteSpace(extension.Reason) || string.IsNullOrWhiteSpace(extension.ApprovedBy))
            throw Refusal.Invalid("CLOCK-CHANGE-UNAPPROVED");
        if (extension.Days is < 1 or > MaxExtensionDays)
            throw Refusal.Invalid("CLOCK-EXTENSION-RANGE", ("days", extension.Days), ("max", MaxExtensionDays));
    }

    /// <summary>A bound against typing errors, not a legal figure: the longest legal clock is years long.</summary>
    public const int MaxExtensionDays = 3650;

    /// <summary>The deadline with neither pauses nor extensions.</summary>
    public static DateTimeOffset BaseDeadline(ProceduralTimeLimit limit, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var day = ChinaTime.DateOf(start);
        return limit.Unit switch
        {
            TimeLimitUnit.Hours => start.ToUniversalTime().AddHours(limit.Amount),
            TimeLimitUnit.Days => ChinaTime.EndOfDay(day.AddDays(limit.Amount)),
            // 2 years from 2024-02-29 end on 2026-02-28 (AddYears keeps the month and takes its last day).
            _ => ChinaTime.EndOfDay(day.AddYears(limit.Amount)),
        };
    }

    /// <summary>
    /// The time the pauses hold the clock after its start, overlaps counted once; an open pause counts up to now.
    /// For day and year clocks it is whole China calendar days (a pause within one day holds nothing).
    /// </summary>
    private static TimeSpan PausedSpan(TimeLimitUnit unit, DateTimeOffset start, DateTimeOffset now, IReadOnlyList<ClockPause> pauses, out bool open)
    {
        open = false;
        var spans = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var p in pauses)
        {
            var to = p.To ?? now;
            if (p.To is null && p.From <= now) open = true;
            var from = p.From < start ? start : p.From;
            if (to > from) spans.Add((from, to));
        }
        var total = TimeSpan.Zero;
        var days = 0;
        DateTimeOffset? curFrom = null, curTo = null;
        foreach (var s in spans.OrderBy(s => s.From))
        {
            if (curTo is { } ct && s.From <= ct)
            {
                if (s.To > ct) curTo = s.To;
                continue;
            }
            Add();
            curFrom = s.From;
            curTo = s.To;
        }
        Add();
        return unit == TimeLimitUnit.Hours ? total : TimeSpan.FromDays(days);

        void Add()
        {
            if (curFrom is not { } f || curTo is not { } t) return;
            total += t - f;
            days += ChinaTime.DateOf(t).DayNumber - ChinaTime.DateOf(f).DayNumber;
        }
    }
}
