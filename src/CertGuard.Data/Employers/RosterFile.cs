using CertGuard.Core.Employers;
using CertGuard.Core.Holders;
using CertGuard.Core.Registry.Import;
using CertGuard.Data.Registry.Import;

namespace CertGuard.Data.Employers;

/// <summary>One data row of a roster file, as read; <see cref="Problem"/> says (in Chinese) why it cannot be checked.</summary>
public sealed record RosterLine(int Row, string Name, string Number, string Position, string? Problem);

/// <summary>The file as a whole cannot be read as a roster: nothing is checked.</summary>
public sealed class RosterFileException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// Reads a roster (花名册): CSV in UTF-8 or GB18030 (or UTF-16), or the first sheet of an xlsx, with the header
/// <c>姓名,证件号码,岗位</c> in row 1 (the position column may be left out). Each data row keeps the number the
/// spreadsheet shows it under; a row that cannot be checked carries its problem, and the rest are unaffected.
/// </summary>
public static class RosterFile
{
    public static IReadOnlyList<string> Headers { get; } = ["姓名", "证件号码", "岗位"];

    private static readonly string[][] Aliases =
    [
        ["姓名", "名字", "员工姓名", "人员姓名", "持证人姓名"],
        ["证件号码", "身份证号", "身份证号码", "公民身份号码", "证号", "证书编号", "证书号码"],
        ["岗位", "岗位名称", "工种", "所在岗位"],
    ];

    public static List<RosterLine> Read(Stream stream, int maxRows, CancellationToken ct = default)
    {
        if (stream.Length == 0) throw new RosterFileException("ROSTER-EMPTY", "文件是空的：请按模板填写后再上传。");
        ImportFormat format;
        try
        {
            format = ImportFile.DetectFormat(stream);
        }
        catch (ImportFileException e)
        {
            throw new RosterFileException("ROSTER-XLS", e.Message);
        }
        var records = format == ImportFormat.Xlsx ? RosterSheet.Records(stream, maxRows, ct) : Csv(stream);
        using var enumerator = records.GetEnumerator();
        if (!enumerator.MoveNext()) throw new RosterFileException("ROSTER-EMPTY", "文件是空的：请按模板填写后再上传。");
        var columns = ReadHeader(enumerator.Current.Cells);
        var lines = new List<RosterLine>();
        while (enumerator.MoveNext())
        {
            ct.ThrowIfCancellationRequested();
            var record = enumerator.Current;
            if (record.Cells.All(c => ImportCells.Text(c).Length == 0)) continue;
            if (lines.Count == maxRows)
                throw new RosterFileException("ROSTER-TOO-LARGE", $"名册超过{maxRows:N0}行：请拆分后分批上传，或联系市安委办。");
            lines.Add(Line(record, columns));
        }
        if (lines.Count == 0) throw new RosterFileException("ROSTER-NO-ROWS", "名册中没有人员：请从第2行起每行填写一名作业人员。");
        return lines;
    }

    /// <summary>A record: its row number, its cells and which of them are formulas (xlsx); null for CSV, whose rows may be short or long.</summary>
    internal sealed record Record(int Row, IReadOnlyList<object?> Cells, Func<int, bool>? IsFormula);

    private sealed record Columns(int Name, int Number, int Position, int Count);

    private static IEnumerable<Record> Csv(Stream stream)
    {
        foreach (var (row, fields) in CsvRows.Read(stream)) yield return new Record(row, fields, null);
    }

    private static Columns ReadHeader(IReadOnlyList<object?> cells)
    {
        var headers = cells.Select(c => ImportCells.Text(c).Replace("*", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).TrimStart('\uFEFF')).ToList();
        if (headers.Any(ImportCells.IsGarbled))
            throw new RosterFileException("ROSTER-GARBLED", "表头含乱码：文件编码无法识别。请在 Excel 或 WPS 中另存为“CSV UTF-8”或 GB18030 编码的 CSV，或直接上传 xlsx 文件。");
        var found = new int[Aliases.Length];
        for (var k = 0; k < Aliases.Length; k++)
        {
            var matches = headers.Select((h, i) => (h, i)).Where(p => Aliases[k].Contains(p.h, StringComparer.Ordinal)).ToList();
            if (matches.Count > 1)
                throw new RosterFileException("ROSTER-HEADER", $"“{Headers[k]}”列出现了两次。表头（第1行）应为：{string.Join(",", Headers)}。");
            found[k] = matches.Count == 1 ? matches[0].i : -1;
        }
        for (var k = 0; k < 2; k++)
        {
            if (found[k] < 0)
                throw new RosterFileException("ROSTER-HEADER", $"缺少“{Headers[k]}”列。表头（第1行）应为：{string.Join(",", Headers)}，可下载模板填写。");
        }
        return new Columns(found[0], found[1], found[2], headers.FindLastIndex(h => h.Length > 0) + 1);
    }

    private static RosterLine Line(Record record, Columns columns)
    {
        var cells = record.Cells;
        var name = Cell(cells, columns.Name);
        var number = Cell(cells, columns.Number);
        var position = columns.Position < 0 ? "" : Cell(cells, columns.Position);
        return new RosterLine(record.Row, name, number, position, Problem(record, columns, name, number, position));
    }

    private static string? Problem(Record record, Columns columns, string name, string number, string position)
    {
        var cells = record.Cells;
        if (record.IsFormula is null && cells.Count < columns.Count)
            return $"本行只有{cells.Count}列，少于表头的{columns.Count}列：请检查是否漏填或少了逗号。";
        if (record.IsFormula is null && cells.Skip(columns.Count).Any(c => ImportCells.Text(c).Length > 0))
            return $"本行有{cells.Count}列，多于表头的{columns.Count}列：姓名或岗位中可能含有逗号，请删去或给该格加引号。";
        var named = new[] { (Headers[0], columns.Name, name), (Headers[1], columns.Number, number), (Headers[2], columns.Position, position) };
        if (named.Any(n => ImportCells.IsGarbled(n.Item3)))
            return "内容含乱码：文件编码无法识别。请另存为“CSV UTF-8”或 GB18030 编码的 CSV，或直接上传 xlsx 文件。";
        foreach (var (header, index, text) in named)
        {
            if (index >= 0 && record.IsFormula?.Invoke(index) == true)
                return $"“{header}”是公式：请复制该列并“选择性粘贴为数值”后再上传。";
            if (ImportCells.FormulaLead(text) is { } lead)
                return $"“{header}”以“{lead}”开头，电子表格会把它当作公式执行，已拒绝。";
        }
        if (name.Length == 0) return "姓名为空。";
        if (number.Length == 0) return "证件号码为空。";
        if (columns.Number < cells.Count && ImportCells.IsNumber(cells[columns.Number]))
            return "证件号码被存成了数字，末几位已丢失：请在 Excel 中把该列设置为“文本”后重新填写。";
        if (name.Length > HolderNames.MaxLength) return $"姓名超过{HolderNames.MaxLength}个字符。";
        // The one name rule of every channel: letters, the dots of transcribed names and spaces; no markup, control or bidi characters.
        if (HolderNames.Problem(name) is not null) return "姓名含有不应出现的字符（数字、符号或控制字符）：请按身份证上的姓名填写。";
        if (position.Length > Position.NameMaxLength) return $"岗位名称超过{Position.NameMaxLength}个字符。";
        return null;
    }

    private static string Cell(IReadOnlyList<object?> cells, int index) => index < cells.Count ? ImportCells.Text(cells[index]) : "";
}
