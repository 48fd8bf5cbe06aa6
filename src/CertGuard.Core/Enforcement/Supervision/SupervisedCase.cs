using CertGuard.Core.Auditing;
using CertGuard.Core.Time;

namespace CertGuard.Core.Enforcement.Supervision;

/// <summary>Where a supervised case stands: under supervision, or accepted and lifted (销号).</summary>
public enum SupervisionState
{
    Active,
    Lifted,
}

/// <summary>
/// A case put under supervision (挂牌督办) by the province office, or by a city office for its own city: a notice with
/// requirements and a deadline, progress reports from the handling authority every <see cref="ReportIntervalDays"/>,
/// and acceptance and lifting by the supervising office only. Dates are China dates; every change bumps
/// <see cref="Version"/>.
/// </summary>
[Audited]
public sealed class SupervisedCase
{
    public const int TextMaxLength = 2000;

    private readonly List<SupervisionReport> _reports = [];

    private SupervisedCase()
    {
        RegionCode = CaseTitle = SupervisorRegionCode = Requirements = StartedBy = "";
    }

    public SupervisedCase(SupervisionNotice notice, string by, DateTimeOffset at)
    {
        var today = ChinaTime.DateOf(at);
        if (notice.Deadline <= today) throw Refusal.Invalid("SUPERVISION-DEADLINE-PAST");
        var span = notice.Deadline.DayNumber - today.DayNumber;
        if (notice.ReportIntervalDays < 1 || notice.ReportIntervalDays > span)
            throw Refusal.Invalid("SUPERVISION-INTERVAL", ("max", span));
        Requirements = Trim(notice.Requirements);
        if (Requirements.Length == 0) throw Refusal.Invalid("SUPERVISION-REQUIREMENTS-REQUIRED");
        Id = Guid.CreateVersion7(at);
        CaseId = notice.CaseId;
        RegionCode = notice.RegionCode;
        CaseTitle = notice.CaseTitle.Length > 1000 ? notice.CaseTitle[..1000] : notice.CaseTitle;
        SupervisorRegionCode = notice.SupervisorRegionCode;
        ByProvince = notice.ByProvince;
        Deadline = notice.Deadline;
        ReportIntervalDays = notice.ReportIntervalDays;
        StartedBy = by;
        StartedAt = at;
        State = SupervisionState.Active;
    }

    public Guid Id { get; private set; }

    /// <summary>The administrative case supervised.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The case's city: its enforcement is the handling authority that reports.</summary>
    public string RegionCode { get; private set; }

    public string CaseTitle { get; private set; }

    /// <summary>The supervising office's region: the province's code, or the city's own.</summary>
    public string SupervisorRegionCode { get; private set; }

    /// <summary>Put under supervision by the province office (otherwise by the city office of <see cref="SupervisorRegionCode"/>).</summary>
    public bool ByProvince { get; private set; }

    /// <summary>督办要求.</summary>
    public string Requirements { get; private set; }

    /// <summary>The day the case must be dealt with (办结期限).</summary>
    public DateOnly Deadline { get; private set; }

    /// <summary>Progress is reported at least every so many days.</summary>
    public int ReportIntervalDays { get; private set; }

    public string StartedBy { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public SupervisionState State { get; private set; }

    public DateTimeOffset? LastReportAt { get; private set; }

    public string? LiftedBy { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }

    /// <summary>The accepted result (验收意见), announced when lifted.</summary>
    public string? Result { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<SupervisionReport> Reports => _reports;

    public bool IsActive => State == SupervisionState.Active;

    /// <summary>The day the next progress report is due: the interval after the last report (or the start).</summary>
    public DateOnly NextReportDue => ChinaTime.DateOf(LastReportAt ?? StartedAt).AddDays(ReportIntervalDays);

    /// <summary>Days to the deadline (negative: overdue by so many).</summary>
    public int DaysLeft(DateOnly today) => Deadline.DayNumber - today.DayNumber;

    /// <summary>Still under supervision after its deadline.</summary>
    public bool IsOverdue(DateOnly today) => IsActive && today > Deadline;

    /// <summary>A progress report is late.</summary>
    public bool IsReportOverdue(DateOnly today) => IsActive && today > NextReportDue;

    /// <summary>A progress report (进展情况) of the handling authority.</summary>
    public SupervisionReport Report(string text, string by, DateTimeOffset at)
    {
        RequireActive();
        var trimmed = Trim(text);
        if (trimmed.Length == 0) throw Refusal.Invalid("SUPERVISION-REPORT-TEXT");
        var report = new SupervisionReport(Id, trimmed, by, at);
        _reports.Add(report);
        LastReportAt = at;
        Version++;
        return report;
    }

    /// <summary>The supervising office accepts the result and lifts the supervision (验收销号).</summary>
    public void Lift(string result, string by, DateTimeOffset at)
    {
        RequireActive();
        var trimmed = Trim(result);
        if (trimmed.Length == 0) throw Refusal.Invalid("SUPERVISION-RESULT-REQUIRED");
        Result = trimmed;
        LiftedBy = by;
        LiftedAt = at;
        State = SupervisionState.Lifted;
        Version++;
    }

    private void RequireActive()
    {
        if (!IsActive) throw Refusal.Conflict("SUPERVISION-LIFTED");
    }

    private static string Trim(string? text)
    {
        var t = (text ?? "").Trim();
        return t.Length > TextMaxLength ? t[..TextMaxLength] : t;
    }
}

/// <summary>What a supervision notice (督办通知) says: the case, who supervises, the deadline, the report interval, the requirements.</summary>
public sealed record SupervisionNotice(
    Guid CaseId,
    string RegionCode,
    string CaseTitle,
    string SupervisorRegionCode,
    bool ByProvince,
    DateOnly Deadline,
    int ReportIntervalDays,
    string Requirements);
