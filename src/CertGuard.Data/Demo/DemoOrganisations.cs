using CertGuard.Core.Accounts;
using CertGuard.Core.Organisations;
using CertGuard.Core.Regions;

namespace CertGuard.Data.Demo;

/// <summary>The bodies of a demo province: offices and departments of every city, some employers and institutions.</summary>
internal static class DemoOrganisations
{
    /// <summary>The city whose accounts the demo hands out.</summary>
    public const string DemoCity = "440100";

    private static readonly (string City, string Name, string Industry)[] Employers =
    [
        ("440100", "广州粤安建设工程有限公司", "建筑"),
        ("440100", "广州珠江电力安装有限公司", "电力"),
        ("440300", "深圳鹏城精密制造有限公司", "制造"),
        ("440300", "深圳南山物业管理有限公司", "物业"),
        ("440600", "佛山顺德焊接科技有限公司", "制造"),
        ("441900", "东莞松湖化工有限公司", "危险化学品"),
        ("440800", "湛江港湾冷链物流有限公司", "物流"),
        ("440200", "韶关粤北矿业有限公司", "矿山"),
    ];

    public static List<Organisation> Create(Random random)
    {
        var regions = RegionDirectory.Guangdong;
        var list = new List<Organisation>
        {
            new("广东省安全生产委员会办公室", Role.ProvinceOffice.Id, regions.Province.Code),
            new("广东省委网信办", Role.Cyberspace.Id, regions.Province.Code),
        };
        foreach (var city in regions.Cities)
        {
            list.Add(new($"{city.Name}安全生产委员会办公室", Role.CityOffice.Id, city.Code));
            list.Add(new($"{city.Name}应急管理局", Role.IssuingAuthority.Id, city.Code));
            list.Add(new($"{city.Name}公安局", Role.Police.Id, city.Code));
            list.Add(new($"{city.Name}市场监督管理局", Role.MarketRegulation.Id, city.Code));
            list.Add(new($"{city.Name}委网信办", Role.Cyberspace.Id, city.Code));
        }
        foreach (var (city, name, industry) in Employers)
        {
            var employer = new Organisation(name, Role.Employer.Id, city, CreditCode(random, city));
            employer.Describe(industry, null, null);
            list.Add(employer);
        }
        list.Add(new("广州市安全生产培训中心", Role.TrainingInstitution.Id, DemoCity, CreditCode(random, DemoCity)));
        list.Add(new("广州市特种作业考试中心", Role.ExamCentre.Id, DemoCity, CreditCode(random, DemoCity)));
        return list;
    }

    private static string CreditCode(Random random, string cityCode)
    {
        var chars = UnifiedSocialCreditCode.Characters;
        var body = "91" + cityCode[..4] + random.Next(1, 20).ToString("00");
        for (var i = 0; i < 9; i++) body += chars[random.Next(chars.Length)];
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }
}
