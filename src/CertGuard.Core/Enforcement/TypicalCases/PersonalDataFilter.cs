using System.Text;
using System.Text.RegularExpressions;

namespace CertGuard.Core.Enforcement.TypicalCases;

/// <summary>One piece of personal data found in a text meant for the public: its kind and a masked form (never the whole).</summary>
public sealed record PersonalDataMatch(PersonalDataKind Kind, string Masked);

public enum PersonalDataKind
{
    /// <summary>A full name of a party the case names (公开时只保留姓氏加“某”).</summary>
    Name,
    IdNumber,
    Phone,
    Address,
    /// <summary>A unified social credit code or a business registration number.</summary>
    RegistrationCode,
}

/// <summary>
/// What a typical case published to everyone may not contain (典型案例去除个人信息): a party's full name (reduced to the
/// surname and 某), ID numbers, telephone numbers, street addresses, and company registration numbers or unified social
/// credit codes. <see cref="Clean"/> removes them from a prefilled draft; <see cref="Require"/> refuses a text where
/// any still matches (PUBLICATION-PERSONAL-DATA), naming what matched in a masked form.
/// </summary>
public static partial class PersonalDataFilter
{
    /// <summary>What a removed number or address is replaced by in a cleaned text.</summary>
    public const string Removed = "（已删除）";

    private static readonly string[] CompoundSurnames =
        ["欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "夏侯", "令狐", "宇文", "澹台", "端木"];

    /// <summary>Every match in the text, in order; <paramref name="knownNames"/> are the parties' full names.</summary>
    public static IReadOnlyList<PersonalDataMatch> Find(string? text, IEnumerable<string?> knownNames)
    {
        var t = text ?? "";
        var found = new List<(int At, PersonalDataMatch Match)>();
        foreach (var name in Names(knownNames))
            for (var i = t.IndexOf(name, StringComparison.Ordinal); i >= 0; i = t.IndexOf(name, i + name.Length, StringComparison.Ordinal))
                found.Add((i, new PersonalDataMatch(PersonalDataKind.Name, Reduce(name) + "（全名）")));
        foreach (var (kind, value, at) in Numbers(t))
            found.Add((at, new PersonalDataMatch(kind, Mask(value))));
        return [.. found.OrderBy(f => f.At).Select(f => f.Match)];
    }

    /// <summary>Refuses a text that still holds personal data, naming each kind found with its masked form.</summary>
    public static void Require(string? text, IEnumerable<string?> knownNames)
    {
        var found = Find(text, knownNames);
        if (found.Count == 0) return;
        var described = string.Join("；", found.Distinct().Take(5).Select(m => $"{Label(m.Kind)} {m.Masked}"));
        throw Refusal.Invalid("PUBLICATION-PERSONAL-DATA", ("found", described));
    }

    /// <summary>The text with full names reduced to surname + 某 and numbers and addresses replaced by <see cref="Removed"/>.</summary>
    public static string Clean(string? text, IEnumerable<string?> knownNames)
    {
        var t = text ?? "";
        foreach (var name in Names(knownNames).OrderByDescending(n => n.Length)) t = t.Replace(name, Reduce(name), StringComparison.Ordinal);
        var matches = Numbers(t).OrderByDescending(m => m.At).ToList();
        var builder = new StringBuilder(t);
        foreach (var (_, value, at) in matches)
        {
            builder.Remove(at, value.Length);
            builder.Insert(at, Removed);
        }
        return builder.ToString();
    }

    /// <summary>A person's name as published: the surname and 某 (张三 → 张某, 欧阳明 → 欧阳某).</summary>
    public static string Reduce(string name)
    {
        var n = name.Trim();
        if (n.Length == 0) return n;
        var surname = CompoundSurnames.FirstOrDefault(s => n.StartsWith(s, StringComparison.Ordinal) && n.Length > s.Length) ?? n[..1];
        return surname + "某";
    }

    /// <summary>The Chinese label of a kind, as the refusal names it.</summary>
    public static string Label(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Name => "姓名",
        PersonalDataKind.IdNumber => "身份证号码",
        PersonalDataKind.Phone => "电话号码",
        PersonalDataKind.Address => "地址",
        _ => "统一社会信用代码或注册号",
    };

    /// <summary>The first three and last two characters, the rest starred: enough to find it, never the whole.</summary>
    public static string Mask(string value)
    {
        var v = value.Trim();
        if (v.Length <= 5) return v[..1] + new string('*', Math.Max(1, v.Length - 1));
        return v[..3] + new string('*', v.Length - 5) + v[^2..];
    }

    // Names already reduced (张某) or one character long are not a full name.
    private static IEnumerable<string> Names(IEnumerable<string?> knownNames) =>
        knownNames.Select(n => (n ?? "").Trim()).Where(n => n.Length >= 2 && !n.EndsWith('某')).Distinct(StringComparer.Ordinal);

    private static IEnumerable<(PersonalDataKind Kind, string Value, int At)> Numbers(string text)
    {
        var taken = new List<(int Start, int End)>();
        bool Free(Match m) => !taken.Any(r => m.Index < r.End && r.Start < m.Index + m.Length);

        foreach (Match m in LongCode().Matches(text))
        {
            // A run of 15–20 letters and digits with at least six digits: an ID number (its date in place; a certificate
            // number is T and the ID number), else a registration code or unified social credit code.
            if (m.Value.Count(char.IsAsciiDigit) < 6) continue;
            taken.Add((m.Index, m.Index + m.Length));
            yield return (IdNumber().IsMatch(m.Value.TrimStart('T', 't')) ? PersonalDataKind.IdNumber : PersonalDataKind.RegistrationCode, m.Value, m.Index);
        }
        foreach (Match m in Mobile().Matches(text))
            if (Free(m)) { taken.Add((m.Index, m.Index + m.Length)); yield return (PersonalDataKind.Phone, m.Value, m.Index); }
        foreach (Match m in Landline().Matches(text))
            if (Free(m)) { taken.Add((m.Index, m.Index + m.Length)); yield return (PersonalDataKind.Phone, m.Value, m.Index); }
        foreach (Match m in Street().Matches(text))
            if (Free(m)) { taken.Add((m.Index, m.Index + m.Length)); yield return (PersonalDataKind.Address, m.Value, m.Index); }
        foreach (Match m in Building().Matches(text))
            if (Free(m)) { taken.Add((m.Index, m.Index + m.Length)); yield return (PersonalDataKind.Address, m.Value, m.Index); }
    }

    [GeneratedRegex("(?<![0-9A-Za-z])[0-9A-Za-z]{15,20}(?![0-9A-Za-z])")]
    private static partial Regex LongCode();

    [GeneratedRegex(@"^(\d{6}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]|\d{8}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3})$")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)(\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)(\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[\s-－]?)\d{7,8}(?!\d)|(?<!\d)\d{8}(?!\d)")]
    private static partial Regex Landline();

    // A street and its number: 天河路123号, 中山大道西8号, 东风东路745弄.
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{1,12}?(路|街|大道|巷|大街|道)[东西南北中]?[0-9一二三四五六七八九十]+(号|弄)")]
    private static partial Regex Street();

    // A building, unit or room: 5栋, 3号楼, 2单元, 1203室, 12号铺.
    [GeneratedRegex(@"[0-9]+(号楼|栋|幢|单元|室|号铺|号房)")]
    private static partial Regex Building();
}
