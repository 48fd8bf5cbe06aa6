using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns;

/// <summary>A member of a campaign's working group (专项治理行动工作组): name, unit, post, office phone.</summary>
[Audited]
public sealed class WorkingGroupMember
{
    public const int FieldMaxLength = 100;

    private WorkingGroupMember()
    {
        Name = Unit = Post = Phone = "";
    }

    public WorkingGroupMember(Guid campaignId, string name, string unit, string post, string phone)
    {
        Id = Guid.CreateVersion7();
        CampaignId = campaignId;
        Name = Field(name);
        Unit = Field(unit);
        Post = Field(post);
        Phone = Field(phone);
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public string Name { get; private set; }

    public string Unit { get; private set; }

    public string Post { get; private set; }

    public string Phone { get; private set; }

    /// <summary>020-83135469 → 020-****5469: the phone as people outside the province office see it.</summary>
    public static string MaskPhone(string phone) => Privacy.PhoneNumbers.Mask(phone);

    private static string Field(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length is 0 or > FieldMaxLength)
            throw Refusal.Invalid("CAMPAIGN-TEXT", ("max", FieldMaxLength));
        return trimmed;
    }
}
