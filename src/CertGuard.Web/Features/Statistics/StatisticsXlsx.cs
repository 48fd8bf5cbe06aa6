using CertGuard.Core.Campaigns;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data.Campaigns.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CertGuard.Web.Features.Statistics;

/// <summary>
/// The sheet as the province hands it on: 《…情况统计表》 with the month and the reporting unit in the title, the
/// section headings as merged header cells over their rows, the header and the city column frozen, the period block
/// then the cumulative block, one row per city then 全省合计; A4 landscape, fitted to the page width.
/// </summary>
public static class StatisticsXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Rows 1–5 are the title, the unit line and three header rows; data starts on row 6.</summary>
    public const int FirstDataRow = 6;

    /// <summary>City, state, submission date.</summary>
    public const int LeadColumns = 3;

    public const string Unavailable = "暂无数据";

    public static string FileName(ProvinceSheet sheet, string? city) =>
        $"统计表-{StatisticsAccess.Format(sheet.Month)}{(city is null ? "" : "-" + RegionDirectory.Guangdong.NameOf(city))}.xlsx";

    public static string StateLabel(SheetState? state) => state switch
    {
        SheetState.NotSubmitted => "未报",
        SheetState.Submitted => "已报",
        SheetState.Overdue => "逾期",
        SheetState.Returned => "退回",
        SheetState.Accepted => "已采纳",
        _ => "",
    };

    public static byte[] Write(ProvinceSheet sheet)
    {
        var indicators = StatisticsIndicators.All;
        var columns = LeadColumns + 2 * indicators.Count;
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var merges = new MergeCells();

            var title = $"{sheet.Campaign.Name}情况统计表（{sheet.Month.Year}年{sheet.Month.Month}月）";
            var unit = (sheet.Cities.Count == 1 ? $"填报单位：{sheet.Cities[0].Name}安全生产委员会办公室" : "填报单位：广东省安全生产委员会办公室")
                       + $"　　统计时点：{ChinaTime.ToChina(sheet.At):yyyy-MM-dd HH:mm}　　已报送地市为报送时冻结的数字，其余为实时数；累计自 {sheet.Campaign.StartsOn:yyyy-MM-dd} 起";
            data.Append(RowOf(1, (1, title, 1)));
            Merge(merges, 1, 1, 1, columns);
            data.Append(RowOf(2, (1, unit, 0)));
            Merge(merges, 2, 1, 2, columns);

            var r3 = new List<(int, object?, uint)> { (1, "地市", 2), (2, "报送状态", 2), (3, "报送日期", 2) };
            var r4 = new List<(int, object?, uint)>();
            var r5 = new List<(int, object?, uint)>();
            for (var lead = 1; lead <= LeadColumns; lead++) Merge(merges, 3, lead, 5, lead);
            foreach (var (block, blockTitle) in new[] { (0, "本期"), (1, "累计") })
            {
                var first = LeadColumns + 1 + block * indicators.Count;
                r3.Add((first, blockTitle, 2));
                Merge(merges, 3, first, 3, first + indicators.Count - 1);
                foreach (var (number, heading, _) in StatisticsIndicators.Sections)
                {
                    var from = first + Index(indicators, i => i.Section == number);
                    var to = first + LastIndex(indicators, i => i.Section == number);
                    r4.Add((from, heading, 2));
                    if (to > from) Merge(merges, 4, from, 4, to);
                }
                for (var i = 0; i < indicators.Count; i++)
                    r5.Add((first + i, $"{indicators[i].Number}. {indicators[i].Label}（{indicators[i].Unit}）", 2));
            }
            data.Append(RowOf(3, [.. r3]));
            data.Append(RowOf(4, [.. r4]));
            data.Append(RowOf(5, [.. r5]));

            var row = FirstDataRow;
            foreach (var city in sheet.Cities.Append(sheet.Total))
            {
                var cells = new List<(int, object?, uint)>
                {
                    (1, city.Name, 0u), (2, StateLabel(city.State) + (city.Late && city.State is SheetState.Submitted or SheetState.Accepted ? "（逾期）" : ""), 0u),
                    (3, city.SubmittedAt is { } at ? ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm") : "", 0u),
                };
                for (var i = 0; i < indicators.Count; i++)
                {
                    cells.Add((LeadColumns + 1 + i, (object?)city.Period[indicators[i].Code] ?? Unavailable, 3));
                    cells.Add((LeadColumns + 1 + indicators.Count + i, (object?)city.Cumulative[indicators[i].Code] ?? Unavailable, 3));
                }
                data.Append(RowOf(row++, [.. cells]));
            }

            var view = new SheetView { WorkbookViewId = 0 };
            view.Append(new Pane
            {
                HorizontalSplit = LeadColumns, VerticalSplit = FirstDataRow - 1, TopLeftCell = $"{Column(LeadColumns + 1)}{FirstDataRow}",
                ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen,
            });
            part.Worksheet = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                new SheetViews(view),
                new Columns(new Column { Min = 1, Max = 1, Width = 12, CustomWidth = true }, new Column { Min = 2, Max = 3, Width = 16, CustomWidth = true },
                    new Column { Min = LeadColumns + 1, Max = (uint)columns, Width = 11, CustomWidth = true }),
                data,
                merges,
                new PageMargins { Left = 0.3, Right = 0.3, Top = 0.5, Bottom = 0.5, Header = 0.2, Footer = 0.2 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "统计表" });
            // Rows 1–5 repeat on every printed page.
            workbook.Workbook.Append(new DefinedNames(new DefinedName("'统计表'!$1:$5") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>"A", "B", … "AA" for a 1-based column.</summary>
    public static string Column(int index)
    {
        var name = "";
        for (; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static int Index<T>(IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = 0; i < list.Count; i++) if (match(list[i])) return i;
        return -1;
    }

    private static int LastIndex<T>(IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = list.Count - 1; i >= 0; i--) if (match(list[i])) return i;
        return -1;
    }

    private static void Merge(MergeCells merges, int r1, int c1, int r2, int c2) =>
        merges.Append(new MergeCell { Reference = $"{Column(c1)}{r1}:{Column(c2)}{r2}" });

    private static Row RowOf(int index, params (int Column, object? Value, uint Style)[] cells)
    {
        var row = new Row { RowIndex = (uint)index };
        foreach (var (column, value, style) in cells.OrderBy(c => c.Column))
        {
            var cell = new Cell { CellReference = $"{Column(column)}{index}", StyleIndex = style };
            if (value is decimal d)
            {
                cell.DataType = CellValues.Number;
                cell.CellValue = new CellValue(d);
            }
            else
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(value?.ToString() ?? ""));
            }
            row.Append(cell);
        }
        return row;
    }

    /// <summary>0 plain, 1 title (bold, large, centred), 2 header (bold, centred, wrapped, bordered), 3 figure (bordered).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 10 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "宋体" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border(),
            new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center } },
            new CellFormat
            {
                FontId = 2, BorderId = 1, ApplyFont = true, ApplyBorder = true,
                Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true },
            },
            new CellFormat { BorderId = 1, ApplyBorder = true }));
}
