namespace CertGuard.Core.Enforcement.Clocks;

/// <summary>A recorded, approved extension of a legal clock by whole natural days (e.g. 延长办案期限).</summary>
public sealed record ClockExtension(int Days, string Reason, string ApprovedBy);
