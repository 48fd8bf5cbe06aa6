using System.Globalization;
using CertGuard.Core.Enforcement.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CertGuard.Web.Features.Enforcement.Documents;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as a .docx in the layout of official documents (GB/T 9704 proportions):
/// A4 with 37/35/28/26 mm margins, the authority and the title centred in 宋体 bold, the number line, the addressee, the
/// fields as a bordered table, the body in 仿宋 三号 with a two-character first-line indent, then the signature and seal
/// area with the date, and the footer. Fonts are named, not embedded: Word substitutes where they are missing.
/// </summary>
public static class OfficialDocumentDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string TitleFont = "宋体";

    public const string BodyFont = "仿宋";

    // Sizes in half-points: 二号 22 pt for the title, 三号 16 pt for the body, 四号 14 pt for the table and footer.
    private const string TitleSize = "44";
    private const string BodySize = "32";
    private const string SmallSize = "28";

    // A4 in twentieths of a point and the margins of GB/T 9704 (1 mm ≈ 56.7 twips).
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 2098, MarginBottom = 1984, MarginLeft = 1588, MarginRight = 1474;

    public static void Write(OfficialDocument doc, Stream output)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(output);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document, autoSave: true);
        package.PackageProperties.Title = doc.Title;
        package.PackageProperties.Subject = doc.Number;
        package.PackageProperties.Creator = doc.AuthorityName;
        var main = package.AddMainDocumentPart();
        AddDefaults(main);
        var body = new Body();

        body.Append(Centred(doc.AuthorityName, TitleFont, TitleSize, bold: true));
        body.Append(Centred(doc.Title, TitleFont, TitleSize, bold: true));
        if (!string.IsNullOrEmpty(doc.Number)) body.Append(Centred(doc.Number, BodyFont, BodySize, bold: false));
        if (doc.Addressee is { Length: > 0 } addressee) body.Append(Line(addressee + "：", JustificationValues.Left, BodyFont, BodySize, firstLineIndent: false));
        if (doc.Fields.Count > 0)
        {
            body.Append(FieldsTable(doc.Fields));
            body.Append(Line(string.Empty, JustificationValues.Left, BodyFont, BodySize, firstLineIndent: false));
        }
        foreach (var paragraph in doc.Paragraphs) body.Append(Line(paragraph, JustificationValues.Both, BodyFont, BodySize, firstLineIndent: true));

        // The signature and seal area: blank lines for the seal, the authority and the date right-aligned.
        body.Append(Line(string.Empty, JustificationValues.Right, BodyFont, BodySize, firstLineIndent: false));
        body.Append(Line(doc.AuthorityName + "（印章）", JustificationValues.Right, BodyFont, BodySize, firstLineIndent: false));
        body.Append(Line(ChineseDate(doc.Date), JustificationValues.Right, BodyFont, BodySize, firstLineIndent: false));
        if (doc.Footer is { Length: > 0 } footer)
        {
            body.Append(Line(string.Empty, JustificationValues.Left, BodyFont, SmallSize, firstLineIndent: false));
            body.Append(Line(footer, JustificationValues.Left, BodyFont, SmallSize, firstLineIndent: false));
        }

        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = (uint)MarginLeft, Right = (uint)MarginRight, Header = 851, Footer = 992, Gutter = 0 }));
        main.Document = new Document(body);
    }

    /// <summary>2026年12月6日: official documents write the date in full with Arabic numerals.</summary>
    public static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static void AddDefaults(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunProperties(Fonts(BodyFont), new FontSize { Val = BodySize }, new Languages { EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact }))));
    }

    private static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };

    private static Paragraph Centred(string text, string font, string size, bool bold) =>
        Paragraph(text, JustificationValues.Center, font, size, bold, firstLineIndent: false);

    private static Paragraph Line(string text, JustificationValues align, string font, string size, bool firstLineIndent) =>
        Paragraph(text, align, font, size, bold: false, firstLineIndent);

    private static Paragraph Paragraph(string text, JustificationValues align, string font, string size, bool bold, bool firstLineIndent)
    {
        var props = new ParagraphProperties(new Justification { Val = align });
        // Two characters of the body size: 2 × 16 pt = 640 twips.
        if (firstLineIndent) props.Append(new Indentation { FirstLine = "640" });
        var runProps = new RunProperties(Fonts(font), new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        if (bold) runProps.Append(new Bold());
        return new Paragraph(props, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table FieldsTable(IReadOnlyList<DocumentField> fields)
    {
        const int width = PageWidth - MarginLeft - MarginRight;
        const int labelWidth = 2400;
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, border),
            new TableGrid(new GridColumn { Width = labelWidth.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = (width - labelWidth).ToString(CultureInfo.InvariantCulture) }));
        foreach (var field in fields)
        {
            table.Append(new TableRow(
                Cell(field.Label, labelWidth, bold: true),
                Cell(field.Value, width - labelWidth, bold: false)));
        }
        return table;
    }

    private static TableCell Cell(string text, int width, bool bold) =>
        new(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
            Paragraph(text, JustificationValues.Left, BodyFont, SmallSize, bold, firstLineIndent: false));
}
