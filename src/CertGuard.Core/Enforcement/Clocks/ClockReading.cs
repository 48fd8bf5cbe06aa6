namespace CertGuard.Core.Enforcement.Clocks;

/// <summary>
/// A clock read at an instant: which time limit (<see cref="Code"/>, the reference data's code), the deadline (the last
/// instant, UTC), the natural days left in China time (0 on the last day, negative once overdue) and its state.
/// </summary>
public sealed record ClockReading(string Code, DateTimeOffset Deadline, int DaysLeft, ClockState State);
