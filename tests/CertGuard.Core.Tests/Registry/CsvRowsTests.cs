using System.Text;
using CertGuard.Core.Registry.Import;

namespace CertGuard.Core.Tests.Registry;

/// <summary>CSV as offices write it: quoting, line ends, blank lines, separators and encodings.</summary>
public sealed class CsvRowsTests
{
    [Fact]
    public void Quoted_fields_keep_separators_quotes_and_line_breaks_and_rows_count_records()
    {
        var rows = Read("证号,姓名,备注\r\n1,\"张,三\",\"说\"\"好\"\"的\"\r\n\r\n2,李四,\"两\r\n行\"\n3,王五,");

        Assert.Equal([1, 2, 3, 4, 5], rows.Select(r => r.Row));
        Assert.Equal(["1", "张,三", "说\"好\"的"], rows[1].Fields);
        Assert.Equal([""], rows[2].Fields); // a blank line is a row of its own, as a spreadsheet shows it
        Assert.Equal(["2", "李四", "两\r\n行"], rows[3].Fields);
        Assert.Equal(["3", "王五", ""], rows[4].Fields);
    }

    [Fact]
    public void Records_split_across_read_buffers_are_read_whole()
    {
        var name = new string('名', 70_000);
        var rows = Read($"a,b\r\n1,\"{name}\"\r\n2,x\r\n");

        Assert.Equal(3, rows.Count);
        Assert.Equal(name, rows[1].Fields[1]);
        Assert.Equal(["2", "x"], rows[2].Fields);
    }

    [Theory]
    [InlineData("证号;姓名\n1;张三", ';')]
    [InlineData("证号\t姓名\n1\t张三", '\t')]
    public void The_separator_is_the_one_the_header_uses(string text, char separator)
    {
        var rows = Read(text);

        Assert.Equal(["1", "张三"], rows[1].Fields);
        Assert.Contains(separator, text);
    }

    [Fact]
    public void Gb18030_utf8_with_and_without_bom_are_told_apart()
    {
        const string text = "证号,姓名\n440106198505201230,欧阳娜\n";
        var gb = CsvRows.Gb18030.GetBytes(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var bom = Encoding.UTF8.GetPreamble().Concat(utf8).ToArray();

        Assert.Equal("欧阳娜", ReadBytes(gb)[1].Fields[1]);
        Assert.Equal("欧阳娜", ReadBytes(utf8)[1].Fields[1]);
        Assert.Equal("证号", ReadBytes(bom)[0].Fields[0]);
        Assert.Equal(CsvRows.Gb18030.WebName, CsvRows.Detect(gb).WebName);
    }

    [Fact]
    public void Bytes_that_are_not_text_in_the_detected_encoding_become_replacement_characters()
    {
        // A UTF-8 file with one line pasted from a GBK file: the file reads as UTF-8, the GBK name cannot be read.
        var utf8 = string.Concat(Enumerable.Range(2, 200).Select(i => $"{i},欧阳娜\n"));
        var bytes = Encoding.UTF8.GetBytes("证号,姓名\n" + utf8).Concat(CsvRows.Gb18030.GetBytes("1,张三\n")).ToArray();

        var rows = ReadBytes(bytes);

        Assert.Equal("欧阳娜", rows[1].Fields[1]);
        Assert.True(ImportCells.IsGarbled(rows[^1].Fields[1]));
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+86", "'+86")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("张三", "张三")]
    [InlineData("", "")]
    public void Exported_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(string text, string safe) =>
        Assert.Equal(safe, SpreadsheetText.Safe(text));

    private static List<(int Row, string[] Fields)> Read(string text) => CsvRows.Read(new StringReader(text)).ToList();

    private static List<(int Row, string[] Fields)> ReadBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return CsvRows.Read(stream).ToList();
    }
}
