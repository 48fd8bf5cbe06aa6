namespace CertGuard.Core.Campaigns;

/// <summary>The 47 rows of the statistics table, in the table's order, with the parts of the split rows.</summary>
public static class StatisticsIndicators
{
    private const IndicatorKind C = IndicatorKind.Computed;

    public static IReadOnlyList<(int Number, string Heading, string HeadingEn)> Sections { get; } =
    [
        (1, "一、用人单位自查自纠", "1. Employers' self-check and correction"),
        (2, "二、持证上岗执法检查", "2. Enforcement on certified work"),
        (3, "三、考核发证与联网", "3. Examination, issuing and the national network"),
        (4, "四、假冒网站与网上售假", "4. Fake websites and online sales"),
        (5, "五、打击制假售假犯罪", "5. Fighting forgers and sellers"),
        (6, "六、举报奖励", "6. Tips and rewards"),
        (7, "七、宣传发动", "7. Publicity"),
    ];

    public static IReadOnlyList<StatisticsIndicator> All { get; } =
    [
        new("1", 1, 1, "开展自查的用人单位", "Employers that self-checked", "家", "employers", C),
        new("2", 2, 1, "自查特种作业人员", "Workers self-checked", "人", "workers", C),
        new("3", 3, 1, "其中依法持证", "of which lawfully certified", "人", "workers", C),
        new("4", 4, 1, "依法持证率", "Lawful certification rate", "%", "%", IndicatorKind.Ratio, "3", "2"),
        new("5", 5, 1, "核验证书", "Certificates verified", "本", "certificates", C),
        new("6", 6, 1, "其中假证", "of which fake", "本", "certificates", C),
        new("7", 7, 1, "发现无证上岗", "Uncertified work found", "起", "cases", C),
        new("8", 8, 1, "发现持假证上岗", "Work on a fake certificate found", "起", "cases", C),
        new("9", 9, 1, "完成整改", "Corrections completed", "项", "items", C),
        new("10", 10, 2, "开展执法检查", "Inspections carried out", "次", "inspections", C),
        new("11", 11, 2, "检查用人单位", "Employers inspected", "家", "employers", C),
        new("12", 12, 2, "检查特种作业人员", "Workers checked in inspections", "人", "workers", C),
        new("13", 13, 2, "其中依法持证", "of which lawfully certified", "人", "workers", C),
        new("14", 14, 2, "核验证书", "Certificates verified", "本", "certificates", C),
        new("15", 15, 2, "其中假证", "of which fake", "本", "certificates", C),
        new("16", 16, 2, "查处无证上岗", "Uncertified work dealt with", "起", "cases", C),
        new("17", 17, 2, "查处持假证上岗", "Work on a fake certificate dealt with", "起", "cases", C),
        new("18", 18, 2, "查处转借、转让、冒用、涂改", "Lending, transfer, impersonation or alteration dealt with", "起", "cases", C),
        new("19", 19, 2, "责令限期整改", "Orders to correct", "项", "items", C),
        new("20", 20, 2, "行政处罚", "Administrative penalties", "起", "cases", C),
        new("20.org", 20, 2, "其中对单位", "of which on organisations", "起", "cases", C),
        new("20.person", 20, 2, "其中对个人", "of which on individuals", "起", "cases", C),
        new("21", 21, 2, "罚款金额", "Fines", "万元", "10,000 yuan", C),
        new("22", 22, 2, "撤销、注销证书", "Certificates revoked or cancelled", "本", "certificates", C),
        new("23", 23, 2, "检查培训、考试机构", "Training and exam institutions checked", "家", "institutions", C),
        new("24", 24, 2, "处理培训、考试机构", "Training and exam institutions dealt with", "家", "institutions", C),
        new("25", 25, 3, "核发证书", "Certificates issued", "本", "certificates", C),
        new("26", 26, 3, "上传全国查询平台", "Uploaded to the national platform", "本", "certificates", C),
        new("27", 27, 3, "联网上传率", "Upload rate", "%", "%", IndicatorKind.Ratio, "26", "25"),
        new("28", 28, 4, "发现假冒网站", "Fake websites found", "个", "sites", C),
        new("29", 29, 4, "移交网信部门", "Handed to the cyberspace office", "个", "sites", C),
        new("30", 30, 4, "封堵、关闭假冒网站", "Fake websites blocked or closed", "个", "sites", C),
        new("31", 31, 4, "发现网上售假信息", "Online sale listings found", "条", "listings", C),
        new("32", 32, 4, "删除、下架售假信息", "Sale listings removed", "条", "listings", C),
        new("33", 33, 4, "市场监管部门查处网络售假", "Online sales dealt with by market regulation", "起", "cases", C),
        new("34", 34, 5, "向公安机关通报线索", "Leads passed to the police", "条", "leads", C),
        new("35", 35, 5, "移送公安机关案件", "Cases transferred to the police", "起", "cases", C),
        new("36", 36, 5, "公安机关立案", "Cases filed by the police", "起", "cases", C),
        new("37", 37, 5, "抓获犯罪嫌疑人", "Suspects caught", "人", "people", C),
        new("38", 38, 5, "捣毁制假售假窝点", "Forging and selling dens destroyed", "个", "dens", C),
        new("39", 39, 5, "打掉假冒网站团伙", "Fake-website gangs broken", "个", "gangs", C),
        new("40", 40, 5, "收缴假证", "Fake certificates seized", "本", "certificates", C),
        new("41", 41, 5, "挂牌督办案件", "Cases under supervision", "起", "cases", C),
        new("42", 42, 5, "公布典型案例", "Typical cases published", "个", "cases", C),
        new("43", 43, 6, "受理举报", "Tips received", "件", "tips", C),
        new("44", 44, 6, "查实举报", "Tips substantiated", "件", "tips", C),
        new("45", 45, 6, "兑现奖励", "Rewards paid", "件", "rewards", C),
        new("45.amount", 45, 6, "兑现奖励金额", "Rewards paid, amount", "元", "yuan", C),
        new("46", 46, 7, "开展宣传活动", "Publicity events", "次", "events", IndicatorKind.Entered, EnteredBy: "city-office"),
        new("47", 47, 7, "发放宣传资料", "Publicity materials handed out", "份", "copies", IndicatorKind.Entered, EnteredBy: "city-office"),
    ];

    private static readonly Dictionary<string, StatisticsIndicator> ByCode = All.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public static StatisticsIndicator? Find(string code) => ByCode.GetValueOrDefault(code);
}
