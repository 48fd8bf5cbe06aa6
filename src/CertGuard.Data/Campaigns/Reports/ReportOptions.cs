using System.ComponentModel.DataAnnotations;

namespace CertGuard.Data.Campaigns.Reports;

/// <summary>The <c>Statistics:Reports</c> configuration section.</summary>
public sealed class ReportOptions
{
    public const string Section = "Statistics:Reports";

    /// <summary>Largest attachment of a work report, in bytes (a scanned signed report is a few MB).</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Attachments one report may hold.</summary>
    [Range(0, 50)]
    public int MaxAttachments { get; set; } = 10;

    /// <summary>How many days before the 25th city offices with a report not yet submitted see the reminder.</summary>
    [Range(1, 24)]
    public int RemindDaysBefore { get; set; } = 5;
}
