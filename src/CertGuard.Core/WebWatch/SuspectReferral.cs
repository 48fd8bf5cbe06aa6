using CertGuard.Core.Auditing;

namespace CertGuard.Core.WebWatch;

/// <summary>
/// A referral of a confirmed suspect (移交): to 网信 to block or close a fake site, to the telecom administration to
/// cut its hosting, to 市场监管 for a sales listing or false advertising, to 公安 for a crime (through the lead inbox).
/// </summary>
[Audited]
public sealed class SuspectReferral
{
    private SuspectReferral()
    {
        Department = Note = ReferredBy = "";
    }

    public SuspectReferral(Guid suspectId, string department, string note, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        SuspectId = suspectId;
        Department = department;
        Note = note.Length > Suspect.TextMaxLength ? note[..Suspect.TextMaxLength] : note;
        ReferredBy = by;
        ReferredAt = at;
    }

    public Guid Id { get; private set; }

    public Guid SuspectId { get; private set; }

    /// <summary>One of <see cref="ReferralDepartments"/>.</summary>
    public string Department { get; private set; }

    public string Note { get; private set; }

    public string ReferredBy { get; private set; }

    public DateTimeOffset ReferredAt { get; private set; }

    /// <summary>The lead raised in the city's enforcement inbox (police referrals).</summary>
    public Guid? LeadId { get; set; }
}

/// <summary>Who a suspect goes to, and what for.</summary>
public static class ReferralDepartments
{
    /// <summary>网信: block or close a fake site, remove it from search engines.</summary>
    public const string Cyberspace = "cyberspace";

    /// <summary>通信管理局: order the hosting cut.</summary>
    public const string Telecom = "telecom";

    /// <summary>市场监管: online sales and false advertising (免考、包过、办证).</summary>
    public const string MarketRegulation = "market-regulation";

    /// <summary>公安: crimes (刑法 280, 287之一); raises a lead in the city's inbox.</summary>
    public const string Police = "police";

    public static IReadOnlyList<string> All { get; } = [Cyberspace, Telecom, MarketRegulation, Police];
}
