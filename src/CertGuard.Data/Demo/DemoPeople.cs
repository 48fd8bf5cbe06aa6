using CertGuard.Core.Holders;

namespace CertGuard.Data.Demo;

/// <summary>Plausible holders: common names and resident ID numbers with correct check characters.</summary>
internal static class DemoPeople
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "梁", "郑", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曾", "彭", "蔡", "钟", "潘", "卢", "叶", "苏", "廖", "欧阳", "司马"];

    // Given names follow the holder's sex (the ID number's 17th digit): a 男 holder is not called 秀娟. Characters
    // common to both (华, 文, 平, 春 …) appear in both lists.
    private const string MaleChars = "伟强磊军洋勇杰涛明超平刚华文辉建国志海波宁斌俊峰东健飞鹏林鑫浩宇成龙";

    private const string FemaleChars = "芳娜敏静丽艳娟秀霞桂英华文红燕玲春雪梅婷佳欣莉萍琳慧颖丹晶";

    // Households outside Guangdong: holders come from every province.
    private static readonly string[] OtherDivisions =
        ["430102", "430421", "450102", "451002", "510104", "511302", "360102", "362201", "350102", "420102", "410102", "520102", "530102", "130102", "110105", "310104", "460105", "500101", "610102", "220102"];

    /// <summary>A name for a holder of the given sex (the same number of draws either way, so the rest of the demo is unchanged).</summary>
    public static string Name(Random random, Sex sex)
    {
        var chars = sex == Sex.Female ? FemaleChars : MaleChars;
        var given = chars[random.Next(chars.Length)].ToString();
        if (random.Next(3) > 0) given += chars[random.Next(chars.Length)];
        return Surnames[random.Next(Surnames.Length)] + given;
    }

    public static string IdNumber(Random random, string cityCode, DateOnly birthDate)
    {
        var division = random.Next(4) == 0
            ? OtherDivisions[random.Next(OtherDivisions.Length)]
            : cityCode[..4] + (random.Next(1, 30)).ToString("00");
        var first17 = $"{division}{birthDate:yyyyMMdd}{random.Next(1, 1000):000}";
        return first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
    }
}
