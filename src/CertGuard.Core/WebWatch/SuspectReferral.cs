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

    /// <summary>What the receiving department did with it; null while it has not answered.</summary>
    public ReferralAnswer? Answer { get; private set; }

    /// <summary>The document of the answer: for a case filed, its 立案 document number.</summary>
    public string? AnswerDocument { get; private set; }

    public string? AnswerNote { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>
    /// The receiving department's answer (反馈), given once: a case of its own counts in the statistics table (row 33
    /// for market regulation), so it names the case's document number.
    /// </summary>
    public void RecordAnswer(ReferralAnswer answer, string? document, string? note, string by, DateTimeOffset at)
    {
        if (!Enum.IsDefined(answer)) throw Refusal.Invalid("WEBWATCH-REFERRAL-ANSWER", ("answer", answer.ToString()));
        if (Answer is not null) throw Refusal.Conflict("WEBWATCH-REFERRAL-ANSWERED");
        if (Department == ReferralDepartments.Police) throw Refusal.Conflict("WEBWATCH-REFERRAL-POLICE");
        var doc = (document ?? "").Trim();
        if (answer == ReferralAnswer.CaseFiled && doc.Length == 0) throw Refusal.Invalid("WEBWATCH-REFERRAL-DOCUMENT-REQUIRED");
        if (at < ReferredAt) throw Refusal.Invalid("WEBWATCH-REFERRAL-ANSWER-BEFORE");
        var text = (note ?? "").Trim();
        Answer = answer;
        AnswerDocument = doc.Length == 0 ? null : doc.Length > DocumentMaxLength ? doc[..DocumentMaxLength] : doc;
        AnswerNote = text.Length == 0 ? null : text.Length > Suspect.TextMaxLength ? text[..Suspect.TextMaxLength] : text;
        AnsweredBy = by;
        AnsweredAt = at;
    }

    public const int DocumentMaxLength = 128;
}

/// <summary>What a department did with a referral.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReferralAnswer>))]
public enum ReferralAnswer
{
    /// <summary>立案查处: it opened a case of its own (market regulation: online sales of certificates, false advertising).</summary>
    CaseFiled = 1,

    /// <summary>已处置: it acted without a case (a listing taken down, a site blocked on its order).</summary>
    Handled = 2,

    /// <summary>不予处理: nothing within its remit, with the reason.</summary>
    Declined = 3,
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
