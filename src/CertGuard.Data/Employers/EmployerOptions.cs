using System.ComponentModel.DataAnnotations;

namespace CertGuard.Data.Employers;

/// <summary>The <c>Employers</c> configuration section.</summary>
public sealed class EmployerOptions
{
    public const string Section = "Employers";

    /// <summary>Days a failing worker's rectification item gives the employer (整改期限), from the check that found it.</summary>
    [Range(1, 365)]
    public int RectificationDays { get; set; } = 30;

    /// <summary>
    /// Data rows a roster may have: a large employer group's whole workforce (100,000) in one upload, checked in
    /// seconds (docs/benchmarks.md); larger workforces upload in parts.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxRosterRows { get; set; } = DefaultMaxRosterRows;

    public const int DefaultMaxRosterRows = 100_000;

    /// <summary>Anonymous self-registrations one client address may submit per hour.</summary>
    [Range(1, 10_000)]
    public int RegistrationsPerHour { get; set; } = 5;

    /// <summary>Numbers looked up in the registry per query on SQLite (PostgreSQL takes them all in one array parameter).</summary>
    [Range(1, 30_000)]
    public int LookupBatch { get; set; } = 1000;
}
