using CertGuard.Core.Holders;

namespace CertGuard.Data.Demo;

/// <summary>Plausible holders: common names and resident ID numbers with correct check characters.</summary>
internal static class DemoPeople
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "梁", "郑", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曾", "彭", "蔡", "钟", "潘", "卢", "叶", "苏", "廖", "欧阳", "司马"];

    private const string GivenChars = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华文辉建国志红海波宁斌俊峰晓东燕玲春雪梅健飞鹏林鑫浩宇婷佳欣";

    // Households outside Guangdong: holders come from every province.
    private static readonly string[] OtherDivisions =
        ["430102", "430421", "450102", "451002", "510104", "511302", "360102", "362201", "350102", "420102", "410102", "520102", "530102", "130102", "110105", "310104", "460105", "500101", "610102", "220102"];

    public static string Name(Random random)
    {
        var given = GivenChars[random.Next(GivenChars.Length)].ToString();
        if (random.Next(3) > 0) given += GivenChars[random.Next(GivenChars.Length)];
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
