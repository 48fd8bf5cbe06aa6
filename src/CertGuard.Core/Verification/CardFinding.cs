namespace CertGuard.Core.Verification;

/// <summary>A reason a number or card cannot be genuine, with a stable code and the plain-Chinese explanation officials read.</summary>
public sealed record CardFinding(string Code, string Explanation)
{
    public static readonly CardFinding CheckCharacter = new("FORM-ID-CHECK", "证号（身份证号码）的校验位不正确：真实证件的号码一定通过校验，伪造者常随手编号。");
    public static readonly CardFinding UnknownProvince = new("FORM-PROVINCE", "证号开头的省级行政区划代码不存在。");
    public static readonly CardFinding BirthDate = new("FORM-BIRTH-DATE", "证号中的出生日期不存在或晚于今天。");
    public static readonly CardFinding UnderAge = new("FORM-UNDER-18", "按证号中的出生日期，持证人初次领证时未满18周岁，不符合取证条件。");
    public static readonly CardFinding ItemOutsideCategory = new("FORM-ITEM-CATEGORY", "证上的准操项目不属于所写的作业类别，发证机关不会这样发证。");
    public static readonly CardFinding UnusedForm = new("FORM-NUMBER", "证号的格式不是任何发证机关使用的格式（应为18位身份证号码，可带前缀T），常见于伪造证件。");
}
