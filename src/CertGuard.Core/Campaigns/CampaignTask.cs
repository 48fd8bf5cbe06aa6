using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns;

/// <summary>A task of one phase for one department of the working group (e.g. 公安：倒查假证获取渠道), with its deadline.</summary>
[Audited]
public sealed class CampaignTask
{
    public const int TextMaxLength = 1000;

    private CampaignTask()
    {
        Department = Text = "";
    }

    public CampaignTask(CampaignPhase phase, string department, string text, DateOnly deadline)
    {
        Id = Guid.CreateVersion7();
        CampaignId = phase.CampaignId;
        PhaseId = phase.Id;
        Department = department;
        Text = "";
        Set(department, text, deadline);
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid PhaseId { get; private set; }

    /// <summary>A <see cref="CampaignDepartments"/> id.</summary>
    public string Department { get; private set; }

    public string Text { get; private set; }

    public DateOnly Deadline { get; private set; }

    public int Version { get; private set; }

    /// <summary>Changes the task; refused once its phase has closed.</summary>
    public void Edit(CampaignPhase phase, string department, string text, DateOnly deadline, DateOnly today)
    {
        phase.EnsureOpen(today);
        Set(department, text, deadline);
        Version++;
    }

    private void Set(string department, string text, DateOnly deadline)
    {
        if (!CampaignDepartments.IsKnown(department))
            throw Refusal.Invalid("CAMPAIGN-DEPARTMENT", ("department", department));
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > TextMaxLength)
            throw Refusal.Invalid("CAMPAIGN-TEXT", ("max", TextMaxLength));
        Department = department;
        Text = trimmed;
        Deadline = deadline;
    }
}
