namespace CertGuard.Core.Holders;

/// <summary>Why a text is not a valid resident ID number; each has a stable code and a Chinese message.</summary>
public sealed record IdNumberError(string Code, string Message)
{
    public static readonly IdNumberError Empty = new("ID-EMPTY", "请输入身份证号码。");
    public static readonly IdNumberError Legacy15 = new("ID-LEGACY-15", "这是15位的旧身份证号码，已停止使用，请输入18位居民身份证号码。");
    public static readonly IdNumberError WrongLength = new("ID-LENGTH", "身份证号码应为18位。");
    public static readonly IdNumberError BadCharacters = new("ID-CHARACTERS", "身份证号码前17位应为数字，最后一位为数字或X。");
    public static readonly IdNumberError UnknownProvince = new("ID-PROVINCE", "身份证号码前两位不是有效的省级行政区划代码。");
    public static readonly IdNumberError BadBirthDate = new("ID-BIRTH-DATE", "身份证号码中的出生日期不存在。");
    public static readonly IdNumberError FutureBirthDate = new("ID-BIRTH-FUTURE", "身份证号码中的出生日期晚于今天。");
    public static readonly IdNumberError CheckCharacter = new("ID-CHECK", "身份证号码校验位不正确，请核对是否输错。");

    /// <summary>Every error, for the check that each code has its text in both languages.</summary>
    public static IReadOnlyList<IdNumberError> All { get; } =
        [Empty, Legacy15, WrongLength, BadCharacters, UnknownProvince, BadBirthDate, FutureBirthDate, CheckCharacter];

    /// <summary>The refusal of an action given this ID number (its text from the refusal table, in the UI's language).</summary>
    public DomainRuleException ToRefusal() => Refusal.Invalid(Code);
}
