namespace CertGuard.Web.Tests.Reminders;

/// <summary>
/// A clock the test moves by hand, with timers that fire when it passes their time (FakeTimeProvider is not available
/// without a new package). Enough for <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<Timer> _timers = [];
    // GetUtcNow must answer in UTC: the database (PostgreSQL timestamptz) takes nothing else.
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>The instants the pending timers are due at.</summary>
    public IReadOnlyList<DateTimeOffset> Pending
    {
        get
        {
            lock (_gate) return _timers.Select(t => t.DueAt).ToList();
        }
    }

    /// <summary>Moves to <paramref name="instant"/> and fires the timers due by then.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        List<Timer> due;
        lock (_gate)
        {
            _now = instant.ToUniversalTime();
            due = _timers.Where(t => t.DueAt <= _now).ToList();
            foreach (var t in due) _timers.Remove(t);
        }
        foreach (var t in due) t.Fire();
    }

    /// <summary>Waits (in real time, bounded) until a timer is pending: the code under test is asleep.</summary>
    public async Task WaitForTimerAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Pending.Count == 0)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("No timer was set.");
            await Task.Delay(20);
        }
    }

    private sealed class Timer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                DueAt = clock._now + dueTime;
                clock._timers.Add(this);
            }
            if (dueTime <= TimeSpan.Zero) clock.MoveTo(clock.GetUtcNow());
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate) clock._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
