using System.Text.Json.Serialization;

namespace CertGuard.Core.Tips;

/// <summary>What a tip reports (the notice's list).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TipKind>))]
public enum TipKind
{
    FakeCertificate,
    Uncertified,
    WorkingWithFake,
    LentOrImpersonated,
    FakeWebsite,
    OnlineSales,
    InstitutionFraud,
    Other,
}

/// <summary>Where a tip stands, as the reporter sees it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TipState>))]
public enum TipState
{
    Received,
    Assigned,
    Checking,
    Substantiated,
    NotSubstantiated,
    Rewarded,
}

/// <summary>How a tip arrived: the web form, the 12350 line, a city office's phone or desk, or the police (110).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TipChannel>))]
public enum TipChannel
{
    Web,
    Phone12350,
    CityOffice,
    Police110,
}

/// <summary>The departments a province office routes a tip to (DESIGN: 应急、公安、市场监管、网信).</summary>
public static class TipDepartments
{
    public const string Emergency = "emergency";
    public const string Police = "police";
    public const string MarketRegulation = "market-regulation";
    public const string Cyberspace = "cyberspace";

    public static IReadOnlyList<string> All { get; } = [Emergency, Police, MarketRegulation, Cyberspace];
}

public static class TipTexts
{
    public static string KindName(TipKind kind) => kind switch
    {
        TipKind.FakeCertificate => "假证",
        TipKind.Uncertified => "无证上岗",
        TipKind.WorkingWithFake => "持假证上岗",
        TipKind.LentOrImpersonated => "转借冒用",
        TipKind.FakeWebsite => "假冒网站",
        TipKind.OnlineSales => "网上售证",
        TipKind.InstitutionFraud => "培训或考试机构协助造假",
        _ => "其他",
    };

    public static string StateName(TipState state) => state switch
    {
        TipState.Received => "已受理",
        TipState.Assigned => "已分派",
        TipState.Checking => "核查中",
        TipState.Substantiated => "查证属实",
        TipState.NotSubstantiated => "查无实据",
        _ => "已奖励",
    };
}
