using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns;

/// <summary>
/// A supervision group's visit (督查组) to a city: planned for dates with its members, then recorded as made with its
/// findings; each finding becomes a <see cref="SupervisionTask"/> for the city with a deadline.
/// </summary>
[Audited]
public sealed class SupervisionVisit
{
    public const int TextMaxLength = 4000;

    private SupervisionVisit()
    {
        CityCode = Members = Summary = "";
    }

    public SupervisionVisit(Guid campaignId, string cityCode, DateOnly startsOn, DateOnly endsOn, string members)
    {
        if (endsOn < startsOn) throw Refusal.Invalid("CAMPAIGN-DATES");
        Id = Guid.CreateVersion7();
        CampaignId = campaignId;
        CityCode = cityCode;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Members = Text(members, required: true);
        Summary = "";
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public string CityCode { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    /// <summary>The group: names and units, one per line.</summary>
    public string Members { get; private set; }

    /// <summary>What the group saw, once recorded.</summary>
    public string Summary { get; private set; }

    public bool Recorded { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    public string? RecordedBy { get; private set; }

    public int Version { get; private set; }

    /// <summary>Records the visit as made (the findings are added as tasks beside it).</summary>
    public void Record(string summary, string members, string by, DateTimeOffset at)
    {
        Summary = Text(summary, required: true);
        Members = Text(members, required: true);
        Recorded = true;
        RecordedAt = at;
        RecordedBy = by;
        Version++;
    }

    internal static string Text(string? value, bool required)
    {
        var trimmed = (value ?? "").Trim();
        if ((required && trimmed.Length == 0) || trimmed.Length > TextMaxLength)
            throw Refusal.Invalid("CAMPAIGN-TEXT", ("max", TextMaxLength));
        return trimmed;
    }
}
