namespace CertGuard.Core.Enforcement.Clocks;

/// <summary>
/// A recorded, approved stop of a legal clock (e.g. 案件中止): the time from <see cref="From"/> to <see cref="To"/> does
/// not count. An open pause (<see cref="To"/> null) holds the clock until it is ended.
/// </summary>
public sealed record ClockPause(DateTimeOffset From, DateTimeOffset? To, string Reason, string ApprovedBy);
