using System.Globalization;
using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Regions;
using CertGuard.Core.Registry.Import;

namespace CertGuard.Data.Registry.Export;

/// <summary>
/// A certificate as a row of an export: the import's columns, in its words, so that an export with full numbers
/// imports back as “unchanged”. Every cell goes through <see cref="SpreadsheetText.Safe"/>.
/// </summary>
internal static class ExportRows
{
    public static IReadOnlyList<string> Headers { get; } = ImportColumns.All.Select(c => c.Header).ToList();

    public static string[] Cells(Certificate c, CertificateState state, bool fullNumber)
    {
        var cells = new string[ImportColumns.Count];
        cells[(int)ImportColumn.Number] = fullNumber ? c.Number : ResidentIdNumber.Mask(c.Number);
        cells[(int)ImportColumn.Name] = c.HolderName;
        cells[(int)ImportColumn.Sex] = c.HolderSex == Sex.Male ? "男" : "女";
        cells[(int)ImportColumn.Category] = OperationCatalogue.Current.CategoryName(c.CategoryCode);
        cells[(int)ImportColumn.Item] = OperationCatalogue.Current.ItemName(c.ItemCode);
        cells[(int)ImportColumn.FirstIssuedOn] = Date(c.FirstIssuedOn);
        cells[(int)ImportColumn.ValidFrom] = Date(c.ValidFrom);
        cells[(int)ImportColumn.ValidTo] = Date(c.ValidTo);
        cells[(int)ImportColumn.NextReviewDue] = Date(c.NextReviewDue);
        cells[(int)ImportColumn.Authority] = RegionDirectory.Guangdong.NameOf(c.RegionCode);
        cells[(int)ImportColumn.Status] = ImportVocabulary.StateNames[state];
        var closed = c.Status is CertificateStatus.Revoked or CertificateStatus.Cancelled;
        cells[(int)ImportColumn.StatusDate] = c.Status != CertificateStatus.Active && c.StatusChangedOn is { } on ? Date(on) : "";
        cells[(int)ImportColumn.StatusReason] = closed ? ImportVocabulary.ReasonText(c.StatusReason) : "";
        for (var i = 0; i < cells.Length; i++) cells[i] = SpreadsheetText.Safe(cells[i]);
        return cells;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
