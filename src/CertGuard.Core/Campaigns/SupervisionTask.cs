using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns;

/// <summary>
/// A supervision group's finding as the city's task (督查发现问题整改): what to fix, by when; the city office reports it
/// done. Past its deadline while open it is overdue (逾期) on both sides' views.
/// </summary>
[Audited]
public sealed class SupervisionTask
{
    private SupervisionTask()
    {
        CityCode = Finding = "";
    }

    public SupervisionTask(SupervisionVisit visit, string finding, DateOnly deadline)
    {
        Id = Guid.CreateVersion7();
        VisitId = visit.Id;
        CampaignId = visit.CampaignId;
        CityCode = visit.CityCode;
        Finding = SupervisionVisit.Text(finding, required: true);
        Deadline = deadline;
    }

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    public Guid CampaignId { get; private set; }

    public string CityCode { get; private set; }

    public string Finding { get; private set; }

    public DateOnly Deadline { get; private set; }

    public bool Done { get; private set; }

    public string? Report { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public string? DoneBy { get; private set; }

    /// <summary>Reported done after its deadline.</summary>
    public bool DoneLate { get; private set; }

    public int Version { get; private set; }

    public bool IsOverdueOn(DateOnly today) => !Done && today > Deadline;

    public void ReportDone(string report, string by, DateTimeOffset at, DateOnly today)
    {
        if (Done) throw Refusal.Conflict("VISIT-TASK-DONE");
        Report = SupervisionVisit.Text(report, required: true);
        DoneLate = today > Deadline;
        Done = true;
        DoneAt = at;
        DoneBy = by;
        Version++;
    }
}
