using CertGuard.Core.Catalogue;
using CertGuard.Core.Employers;
using CertGuard.Data.Employers;
using CertGuard.Data.Registry.Export;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// The roster template: the header <c>姓名,证件号码,岗位</c>; the xlsx adds the instructions, the employer's own
/// positions and the catalogue's items, so it can be filled in without the documentation at hand.
/// </summary>
public static class RosterTemplate
{
    public static Task WriteCsvAsync(Stream output, CancellationToken ct) =>
        SpreadsheetWriters.WriteCsvAsync(output, RosterFile.Headers, AsyncEnumerable.Empty<string[]>(), ct);

    public static void WriteXlsx(Stream output, IReadOnlyList<Position> positions) => SpreadsheetWriters.WriteXlsxSheets(output,
    [
        ("名册", RosterFile.Headers, []),
        ("填写说明", ["列名", "必填", "说明"],
        [
            ["姓名", "是", "作业人员姓名，与证书上的持证人姓名一致。"],
            ["证件号码", "是", "18位居民身份证号码（即证号，卡面上的“T”可写可不写）。请把该列设为“文本”，否则 Excel 会丢掉末几位。"],
            ["岗位", "否", "本单位在岗位管理中设置的特种作业岗位名称（见“本单位岗位”）。留空时，持有任一有效证书即算持证。"],
            ["（说明）", "", "每行一名作业人员，同一人只写一行。每次上传的名册即为本单位当前的作业人员名单。"],
        ]),
        ("本单位岗位", ["岗位", "准操项目（持有其中任一项有效证书即可）"],
            positions.Select(p => new[] { p.Name, string.Join("、", p.Items.Select(i => $"{i} {OperationCatalogue.Current.FindItem(i)?.Name}")) }).ToList()),
        ("准操项目", ["作业类别", "项目代码", "准操项目"],
            OperationCatalogue.Current.Items.Select(i => new[] { OperationCatalogue.Current.FindCategory(i.CategoryCode)!.Name, i.Code, i.Name }).ToList()),
    ]);
}
