using CertGuard.Core.Employers;

namespace CertGuard.Core.Inspections;

/// <summary>What an inspection found (检查发现的问题). Stored and written in the API by <see cref="FindingTypes.Code"/>.</summary>
public enum FindingType
{
    /// <summary>无证上岗: a special-operation worker without a valid certificate for the work.</summary>
    Uncertified,
    /// <summary>持假证上岗: a certificate the registry does not know, or a forged QR.</summary>
    FakeCertificate,
    /// <summary>证书过期或未复审.</summary>
    ExpiredOrNotReviewed,
    /// <summary>转借/转让/冒用: someone else's certificate.</summary>
    LentOrImpersonated,
    /// <summary>涂改: an altered certificate.</summary>
    Altered,
    /// <summary>用人单位未建档: the employer keeps no files of its special-operation workers.</summary>
    NoWorkerFiles,
    /// <summary>培训考试机构不具备基本条件: an institution's basic conditions not met.</summary>
    InstitutionConditions,
    /// <summary>拟处罚: an institution's proposed penalty, up to stopping its training (终止安全培训活动).</summary>
    InstitutionPenalty,
}

public static class FindingTypes
{
    public static IReadOnlyList<FindingType> All { get; } = Enum.GetValues<FindingType>();

    public static string Code(this FindingType type) => type switch
    {
        FindingType.Uncertified => "uncertified",
        FindingType.FakeCertificate => "fake-certificate",
        FindingType.ExpiredOrNotReviewed => "expired-or-not-reviewed",
        FindingType.LentOrImpersonated => "lent-or-impersonated",
        FindingType.Altered => "altered",
        FindingType.NoWorkerFiles => "no-worker-files",
        FindingType.InstitutionConditions => "institution-conditions",
        _ => "institution-penalty",
    };

    public static FindingType? Parse(string? code) => All.Cast<FindingType?>().FirstOrDefault(t => t!.Value.Code() == code);

    public static string ChineseName(this FindingType type) => type switch
    {
        FindingType.Uncertified => "无证上岗",
        FindingType.FakeCertificate => "持假证上岗",
        FindingType.ExpiredOrNotReviewed => "证书过期或未复审",
        FindingType.LentOrImpersonated => "转借/转让/冒用",
        FindingType.Altered => "涂改",
        FindingType.NoWorkerFiles => "用人单位未建档",
        FindingType.InstitutionConditions => "机构不具备基本条件",
        _ => "拟处罚（直至终止安全培训活动）",
    };

    /// <summary>
    /// Findings that may end in a penalty against a holder, an employer or an institution go to the city's leads inbox,
    /// where a case is opened from them; an expired certificate or missing files are put right by an order to correct.
    /// </summary>
    public static bool RaisesLead(this FindingType type) =>
        type is FindingType.Uncertified or FindingType.FakeCertificate or FindingType.LentOrImpersonated or FindingType.Altered or FindingType.InstitutionPenalty;

    /// <summary>Findings about one worker need the worker; the others are about the organisation.</summary>
    public static bool IsAboutWorker(this FindingType type) =>
        type is FindingType.Uncertified or FindingType.FakeCertificate or FindingType.ExpiredOrNotReviewed or FindingType.LentOrImpersonated or FindingType.Altered;

    public static bool IsForInstitution(this FindingType type) => type is FindingType.InstitutionConditions or FindingType.InstitutionPenalty;

    /// <summary>
    /// The finding an officer is offered for a worker's verdict (the officer decides): the same verdicts the roster
    /// check gives; a QR whose signature fails is a forged card whatever the registry says. Null for a valid worker.
    /// </summary>
    public static FindingType? Suggested(RosterVerdict verdict, bool forgedQr) => forgedQr ? FindingType.FakeCertificate : verdict switch
    {
        RosterVerdict.Valid => null,
        RosterVerdict.NotFound or RosterVerdict.BadId => FindingType.FakeCertificate,
        RosterVerdict.NameMismatch => FindingType.LentOrImpersonated,
        RosterVerdict.ReviewOverdue or RosterVerdict.Expired => FindingType.ExpiredOrNotReviewed,
        // A revoked or cancelled certificate, or one for another item, is no certificate for this work.
        _ => FindingType.Uncertified,
    };
}
