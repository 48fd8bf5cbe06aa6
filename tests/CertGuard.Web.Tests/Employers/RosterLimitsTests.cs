using System.Text;
using CertGuard.Core.Registry.Import;
using CertGuard.Data.Employers;
using CertGuard.Web.Features.Employers;

namespace CertGuard.Web.Tests.Employers;

/// <summary>
/// A large employer group's roster of 100,000 workers is one upload (issue 16): read whole under the default limits,
/// within the upload size; one row more is refused as too large, and an xlsx past the rows is refused before it is
/// parsed (the spreadsheet bomb guards are in SpreadsheetBombTests).
/// </summary>
public sealed class RosterLimitsTests
{
    [Fact]
    public void The_default_row_limit_takes_a_100000_row_roster()
    {
        Assert.Equal(100_000, new EmployerOptions().MaxRosterRows);
    }

    [Fact]
    public void A_100000_row_csv_is_read_whole_and_fits_the_upload_limit()
    {
        var csv = Roster(100_000);
        Assert.True(csv.Length < RosterUploads.MaxBytes, $"{csv.Length:N0} bytes");
        using var stream = new MemoryStream(csv);

        var lines = RosterFile.Read(stream, new EmployerOptions().MaxRosterRows);

        Assert.Equal(100_000, lines.Count);
        Assert.Equal(100_001, lines[^1].Row);
        Assert.Equal(100_000, lines.Select(l => l.Number).Distinct().Count());
    }

    [Fact]
    public void One_row_past_the_limit_is_refused_as_too_large()
    {
        using var stream = new MemoryStream(Roster(100_001));
        var refused = Assert.Throws<RosterFileException>(() => RosterFile.Read(stream, new EmployerOptions().MaxRosterRows));
        Assert.Equal("ROSTER-TOO-LARGE", refused.Code);
        Assert.Contains("100,000", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A GB18030 roster of well-formed, distinct ID numbers (what a workforce export looks like).</summary>
    private static byte[] Roster(int rows)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var text = new StringBuilder("姓名,证件号码,岗位\r\n");
        for (var n = 0; n < rows; n++)
        {
            var first17 = $"4401061985{n:D7}"[..17];
            var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
            text.Append("员工").Append(n).Append(',').Append(first17).Append("10X98765432"[sum % 11]).Append(",电工\r\n");
        }
        return CsvRows.Gb18030.GetBytes(text.ToString());
    }
}
