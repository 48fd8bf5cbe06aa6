using CertGuard.Core.Enforcement.Supervision;
using CertGuard.Core.Regions;
using CertGuard.Data.Enforcement.Supervision;

namespace CertGuard.Web.Features.Enforcement.Supervision;

/// <summary>A supervised case in the API: the notice, days left, the next report due, the reports and the result.</summary>
public sealed record SupervisionView(
    Guid Id, Guid CaseId, string RegionCode, string City, string CaseTitle, bool ByProvince, string SupervisorRegionCode,
    string Requirements, DateOnly Deadline, int DaysLeft, bool Overdue, int ReportIntervalDays, DateOnly NextReportDue, bool ReportOverdue,
    string State, string StartedBy, DateTimeOffset StartedAt, SupervisionReportView? LastReport, IReadOnlyList<SupervisionReportView> Reports,
    string? LiftedBy, DateTimeOffset? LiftedAt, string? Result, int Version)
{
    public static SupervisionView From(SupervisionSummary summary)
    {
        var s = summary.Supervision;
        return new(s.Id, s.CaseId, s.RegionCode, RegionDirectory.Guangdong.NameOf(s.RegionCode), s.CaseTitle, s.ByProvince, s.SupervisorRegionCode,
            s.Requirements, s.Deadline, summary.DaysLeft, summary.Overdue, s.ReportIntervalDays, summary.NextReportDue, summary.ReportOverdue,
            s.State.ToString(), s.StartedBy, s.StartedAt, summary.LastReport is { } r ? SupervisionReportView.From(r) : null,
            [.. s.Reports.OrderByDescending(r => r.At).Select(SupervisionReportView.From)], s.LiftedBy, s.LiftedAt, s.Result, s.Version);
    }
}

public sealed record SupervisionReportView(Guid Id, string Text, string By, DateTimeOffset At)
{
    public static SupervisionReportView From(SupervisionReport r) => new(r.Id, r.Text, r.By, r.At);
}
