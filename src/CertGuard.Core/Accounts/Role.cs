namespace CertGuard.Core.Accounts;

/// <summary>The roles of DESIGN.md §2. <see cref="Id"/> is used in files, configuration and the API.</summary>
public sealed record Role(string Id, string Name, RoleReach Reach)
{
    public static readonly Role ProvinceOffice = new("province-office", "省安委办", RoleReach.Province);
    public static readonly Role CityOffice = new("city-office", "市安委办", RoleReach.City);
    public static readonly Role IssuingAuthority = new("issuing-authority", "发证机关", RoleReach.City);
    public static readonly Role Police = new("police", "公安", RoleReach.City);
    public static readonly Role MarketRegulation = new("market-regulation", "市场监管", RoleReach.City);
    public static readonly Role Cyberspace = new("cyberspace", "网信", RoleReach.City);
    public static readonly Role Employer = new("employer", "用人单位", RoleReach.Organisation);
    public static readonly Role TrainingInstitution = new("training-institution", "培训机构", RoleReach.Organisation);
    public static readonly Role ExamCentre = new("exam-centre", "考试机构", RoleReach.Organisation);
    public static readonly Role Auditor = new("auditor", "审计员", RoleReach.Province);

    /// <summary>An enforcement officer (执法人员) of a city department: inspects employers and institutions, works cases.</summary>
    public static readonly Role Inspector = new("inspector", "执法人员", RoleReach.City);

    /// <summary>The head of enforcement (执法负责人): approves filing, legal review, decisions, closing, "no action".</summary>
    public static readonly Role EnforcementLead = new("enforcement-lead", "执法负责人", RoleReach.City);

    /// <summary>
    /// The national query platform's machine account (全国平台数据交换): pulls the province's change feed with full ID
    /// numbers and pushes certificates issued in other provinces. Reads province-wide; changes no certificate of Guangdong.
    /// </summary>
    public static readonly Role NationalExchange = new("national-exchange", "全国平台数据交换", RoleReach.Province);

    /// <summary>Anyone without an account: the public query and tips only, never the registry.</summary>
    public static readonly Role Public = new("public", "公众", RoleReach.Organisation);

    public static IReadOnlyList<Role> All { get; } =
        [ProvinceOffice, CityOffice, IssuingAuthority, Police, MarketRegulation, Cyberspace, Employer, TrainingInstitution, ExamCentre, Auditor, NationalExchange, Inspector, EnforcementLead];

    public static Role? Find(string? id) => All.FirstOrDefault(r => r.Id == id);

    /// <summary>Roles that browse the certificate registry (institutions only check single certificates at review).</summary>
    public bool BrowsesRegistry => this != TrainingInstitution && this != ExamCentre && this != Public;

    /// <summary>Roles whose organisation owns the data they see.</summary>
    public bool NeedsOrganisation => Reach == RoleReach.Organisation || this == IssuingAuthority;
}

public enum RoleReach
{
    /// <summary>The whole province.</summary>
    Province,
    /// <summary>One prefecture-level city.</summary>
    City,
    /// <summary>One organisation's own records.</summary>
    Organisation,
}
