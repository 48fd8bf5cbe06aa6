using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;
using CertGuard.Core.Regions;
using CertGuard.Core.Registry.Import;
using CertGuard.Data.Registry.Export;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// The downloadable import template: the header row to fill in, and in the xlsx the instructions, the catalogue, the
/// cities and the states with their reasons, so an office can fill it in without the documentation at hand.
/// </summary>
public static class ImportTemplate
{
    public static IReadOnlyList<string> Headers { get; } = ImportColumns.All.Select(c => c.Header).ToList();

    public static Task WriteCsvAsync(Stream output, CancellationToken ct) =>
        SpreadsheetWriters.WriteCsvAsync(output, Headers, AsyncEnumerable.Empty<string[]>(), ct);

    public static void WriteXlsx(Stream output) => SpreadsheetWriters.WriteXlsxSheets(output,
    [
        (SpreadsheetWriters.SheetName, Headers, []),
        ("填写说明", ["列名", "必填", "说明", "示例", "也可写作"],
            ImportColumns.All.Select(c => new[] { c.Header, c.Required ? "是" : "否", c.Description, c.Example, string.Join("、", c.Aliases) }).ToList()),
        ("作业类别与操作项目", ["作业类别代码", "作业类别", "操作项目代码", "操作项目"],
            OperationCatalogue.Current.Items.Select(i => new[] { i.CategoryCode, OperationCatalogue.Current.FindCategory(i.CategoryCode)!.Name, i.Code, i.Name }).ToList()),
        ("发证机关", ["代码", "名称"], RegionDirectory.Guangdong.Cities.Select(c => new[] { c.Code, c.Name }).ToList()),
        ("状态与原因", ["状态", "可填的原因"],
        [
            ["有效", "（不填原因；待复审、已过期也按有效导入，状态由日期决定）"],
            ["逾期未复审", "（不填原因）"],
            ["复审不合格", Reasons<ReviewFailureReason>()],
            ["已撤销", Reasons<RevocationReason>()],
            ["已注销", Reasons<CancellationReason>()],
        ]),
    ]);

    private static string Reasons<TReason>() where TReason : struct, Enum =>
        string.Join("；", Enum.GetNames<TReason>().Select(n => ImportVocabulary.ReasonNames[n]));
}
