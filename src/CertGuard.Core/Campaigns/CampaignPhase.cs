using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns;

/// <summary>
/// One phase of a campaign (动员部署, 自查自纠, 集中整治, 总结巩固) with its dates. Once its last day has passed (China time)
/// the phase is closed: its tasks no longer change, and what was due in it is late.
/// </summary>
[Audited]
public sealed class CampaignPhase
{
    public const int NameMaxLength = 64;

    private CampaignPhase()
    {
        Name = "";
    }

    public CampaignPhase(Guid campaignId, int order, string name, DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
            throw Refusal.Invalid("CAMPAIGN-DATES");
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > NameMaxLength)
            throw Refusal.Invalid("CAMPAIGN-NAME", ("max", NameMaxLength));
        Id = Guid.CreateVersion7();
        CampaignId = campaignId;
        Order = order;
        Name = trimmed;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    /// <summary>1 … n, the phases' order.</summary>
    public int Order { get; private set; }

    public string Name { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public int Version { get; private set; }

    public bool IsClosedOn(DateOnly today) => today > EndsOn;

    public bool IsCurrentOn(DateOnly today) => today >= StartsOn && today <= EndsOn;

    /// <summary>Refuses a change to what belongs to this phase once it has closed.</summary>
    public void EnsureOpen(DateOnly today)
    {
        if (IsClosedOn(today))
            throw Refusal.Conflict("CAMPAIGN-PHASE-CLOSED", ("phase", Name));
    }
}
