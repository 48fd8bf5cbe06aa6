using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns;

/// <summary>
/// A special campaign (专项治理行动) run by the province office: its document, its dates, and (added by the campaign
/// module) its phases, tasks and working group. Monthly reports and the statistics table hang off it.
/// </summary>
[Audited]
public sealed class Campaign
{
    public const int NameMaxLength = 200;

    private Campaign()
    {
        Name = DocumentNumber = "";
    }

    public Campaign(Guid id, string name, string documentNumber, DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
            throw new ArgumentOutOfRangeException(nameof(endsOn), "A campaign ends on or after its start.");
        Id = id;
        Name = name;
        DocumentNumber = documentNumber;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public Guid Id { get; private set; }

    /// <summary>E.g. 广东省打击假冒特种作业操作证专项治理行动.</summary>
    public string Name { get; private set; }

    /// <summary>The notice that launched it, e.g. 粤安办〔2018〕91号.</summary>
    public string DocumentNumber { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public int Version { get; private set; }

    public bool IsRunningOn(DateOnly day) => day >= StartsOn && day <= EndsOn;

    public void Rename(string name, string documentNumber, DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
            throw new ArgumentOutOfRangeException(nameof(endsOn), "A campaign ends on or after its start.");
        Name = name;
        DocumentNumber = documentNumber;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Version++;
    }
}
