namespace CertGuard.Core.Registry.Import;

/// <summary>The columns of an import file. The order is the template's; a file may order them as it likes.</summary>
public enum ImportColumn
{
    Number,
    Name,
    Sex,
    Category,
    Item,
    FirstIssuedOn,
    ValidFrom,
    ValidTo,
    NextReviewDue,
    Authority,
    Status,
    StatusDate,
    StatusReason,
}

/// <summary>One column: its header in the template, the other headers offices use for it, and what it holds.</summary>
public sealed record ImportColumnSpec(ImportColumn Column, string Header, bool Required, IReadOnlyList<string> Aliases, string Description, string Example);

/// <summary>
/// The import format (docs/import-export.md). Headers are Chinese, as the offices' own spreadsheets have them; a
/// header may carry a marker such as “*” or “（必填）”, and spaces are ignored. Other columns are ignored.
/// </summary>
public static class ImportColumns
{
    public static IReadOnlyList<ImportColumnSpec> All { get; } =
    [
        new(ImportColumn.Number, "证号", true, ["身份证号", "身份证号码", "证号/身份证号", "公民身份号码", "证件号码", "操作证号"],
            "持证人18位居民身份证号码，可带证卡上印的前缀T；必须是文本（Excel 中请把该列设为文本，否则会丢失末几位）。", "T440106198505201230"),
        new(ImportColumn.Name, "姓名", true, ["持证人", "持证人姓名"], "持证人姓名。", "张三"),
        new(ImportColumn.Sex, "性别", false, [], "男或女；可不填（由身份证号推出），填写时须与身份证号一致。", "男"),
        new(ImportColumn.Category, "作业类别", true, ["作业类别代码"], "目录中的作业类别代码或名称。", "电工作业"),
        new(ImportColumn.Item, "操作项目", true, ["准操项目", "操作项目代码", "准操项目代码"], "目录中的操作项目代码或名称，须属于所填作业类别。", "低压电工作业"),
        new(ImportColumn.FirstIssuedOn, "初领日期", true, ["初次领证日期", "初领证日期"], "初次领证日期，如 2020-05-18。", "2020-05-18"),
        new(ImportColumn.ValidFrom, "有效期起", true, ["有效期开始", "有效期自", "有效期开始日期"], "本证有效期起始日（换证后为新有效期的起始日）。", "2020-05-18"),
        new(ImportColumn.ValidTo, "有效期止", true, ["有效期至", "有效期结束", "有效期截止", "有效期结束日期"], "本证有效期截止日（含当日），不超过起始日后6年。", "2026-05-17"),
        new(ImportColumn.NextReviewDue, "下次复审日期", false, ["应复审日期", "复审日期"],
            "下次应复审日期；不填时按有效期起加3年（不晚于有效期止）计算。已在原系统复审过的证书请填写。", "2026-05-17"),
        new(ImportColumn.Authority, "发证机关", true, ["发证机关代码", "发证城市"], "发证的地级以上市：行政区划代码（如 440100）、市名（如 广州市）或机关名称（如 广州市应急管理局）。", "广州市"),
        new(ImportColumn.Status, "状态", false, ["证书状态"],
            "有效（含待复审、已过期）、逾期未复审、复审不合格、已撤销、已注销；不填为有效。", "有效"),
        new(ImportColumn.StatusDate, "状态日期", false, ["状态变更日期"], "撤销、注销、复审不合格的日期（必填）；逾期未复审不填时为复审期限次日。", ""),
        new(ImportColumn.StatusReason, "状态原因", false, ["撤销原因", "注销原因"],
            "撤销、注销或复审不合格的原因（见导入说明）；以欺骗、贿赂等不正当手段取得或记载虚假信息而撤销的，3年内不得再次申请。", ""),
    ];

    public static ImportColumnSpec Spec(ImportColumn column) => All[(int)column];

    public static int Count => All.Count;

    /// <summary>The column a header names, or null: compared without spaces, markers and full-width forms.</summary>
    public static ImportColumn? Find(string? header)
    {
        var key = Key(header);
        if (key.Length == 0) return null;
        foreach (var spec in All)
        {
            if (Key(spec.Header) == key || spec.Aliases.Any(a => Key(a) == key)) return spec.Column;
        }
        return null;
    }

    private static string Key(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return "";
        var text = header.Replace("（必填）", "", StringComparison.Ordinal).Replace("(必填)", "", StringComparison.Ordinal)
            .Replace("（选填）", "", StringComparison.Ordinal).Replace("(选填)", "", StringComparison.Ordinal);
        return new string(text.Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '＊' or '\uFEFF')).ToArray());
    }
}
