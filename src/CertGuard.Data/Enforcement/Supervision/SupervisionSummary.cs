using CertGuard.Core.Enforcement.Supervision;

namespace CertGuard.Data.Enforcement.Supervision;

/// <summary>A supervised case as the lists show it: its days left, its next report, its last report and its flags.</summary>
public sealed record SupervisionSummary(
    SupervisedCase Supervision,
    int DaysLeft,
    bool Overdue,
    bool ReportOverdue,
    DateOnly NextReportDue,
    SupervisionReport? LastReport)
{
    public static SupervisionSummary From(SupervisedCase s, DateOnly today) =>
        new(s, s.DaysLeft(today), s.IsOverdue(today), s.IsReportOverdue(today), s.NextReportDue,
            s.Reports.OrderByDescending(r => r.At).FirstOrDefault());
}
