using System.Text.RegularExpressions;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Time;
using CertGuard.Web.Features.Enforcement.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CertGuard.Web.Features.Campaigns;

/// <summary>
/// A circular as a .docx in the layout of official documents (the same A4 page, fonts and sizes as
/// <see cref="OfficialDocumentDocx"/>): the issuing office and the title centred in 宋体, the number, the body in 仿宋
/// with its headings (一、二、…) in 黑体, then the office and the date right-aligned.
/// </summary>
public static partial class CircularDocx
{
    public const string Issuer = "广东省安全生产委员会办公室";

    public static void Write(Circular circular, TimeProvider clock, Stream output)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document, autoSave: true);
        package.PackageProperties.Title = circular.Title;
        package.PackageProperties.Subject = circular.Number;
        package.PackageProperties.Creator = Issuer;
        var main = package.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunProperties(Fonts(OfficialDocumentDocx.BodyFont), new FontSize { Val = "32" }, new Languages { EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact }))));
        var body = new Body();
        body.Append(Para(Issuer, JustificationValues.Center, OfficialDocumentDocx.TitleFont, "44", bold: true, indent: false));
        if (circular.Number.Length > 0) body.Append(Para(circular.Number, JustificationValues.Center, OfficialDocumentDocx.BodyFont, "32", bold: false, indent: false));
        body.Append(Para(circular.Title, JustificationValues.Center, OfficialDocumentDocx.TitleFont, "44", bold: true, indent: false));
        foreach (var line in circular.Paragraphs)
        {
            if (Heading().IsMatch(line)) body.Append(Para(line, JustificationValues.Left, "黑体", "32", bold: false, indent: true));
            else if (line.EndsWith('：') && line.Length < 40) body.Append(Para(line, JustificationValues.Left, OfficialDocumentDocx.BodyFont, "32", bold: false, indent: false));
            else body.Append(Para(line, JustificationValues.Both, OfficialDocumentDocx.BodyFont, "32", bold: false, indent: true));
        }
        var date = ChinaTime.DateOf(circular.PublishedAt ?? clock.GetUtcNow());
        body.Append(Para("", JustificationValues.Right, OfficialDocumentDocx.BodyFont, "32", bold: false, indent: false));
        body.Append(Para(Issuer, JustificationValues.Right, OfficialDocumentDocx.BodyFont, "32", bold: false, indent: false));
        body.Append(Para(OfficialDocumentDocx.ChineseDate(date), JustificationValues.Right, OfficialDocumentDocx.BodyFont, "32", bold: false, indent: false));
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851, Footer = 992, Gutter = 0 }));
        main.Document = new Document(body);
    }

    /// <summary>A circular's file name: its title, made safe.</summary>
    public static string FileName(Circular circular) => string.Concat(circular.Title.Where(c => !Path.GetInvalidFileNameChars().Contains(c))) + ".docx";

    private static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };

    private static Paragraph Para(string text, JustificationValues align, string font, string size, bool bold, bool indent)
    {
        var props = new ParagraphProperties(new Justification { Val = align });
        if (indent) props.Append(new Indentation { FirstLine = "640" });
        var run = new RunProperties(Fonts(font), new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        if (bold) run.Append(new Bold());
        return new Paragraph(props, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    [GeneratedRegex("^[一二三四五六七八九十]+、")]
    private static partial Regex Heading();
}
