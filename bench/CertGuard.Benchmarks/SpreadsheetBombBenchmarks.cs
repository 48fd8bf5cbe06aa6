using BenchmarkDotNet.Attributes;
using CertGuard.Core;
using CertGuard.Data.Employers;
using CertGuard.Data.Registry.Import;
using CertGuard.Web.Tests.Uploads;

namespace CertGuard.Benchmarks;

/// <summary>
/// How long a spreadsheet bomb takes to be refused: the roster reader as the roster check runs it (the guard, then
/// the reader it protects), on the bombs the tests build. Each iteration refuses the bomb once.
/// </summary>
[MemoryDiagnoser]
public class SpreadsheetBombBenchmarks
{
    private byte[] _file = [];

    [Params("ZZ20000", "ZZ100000", "XFD1048576", "C1048576", "inline-256MB", "inline-100k-characters", "shared-strings-70MB",
        "shared-string-100k-characters", "declares-more-than-it-holds", "declares-less-than-it-holds")]
    public string Bomb { get; set; } = "";

    [GlobalSetup]
    public void Build() => _file = Bomb switch
    {
        "inline-256MB" => SpreadsheetBombs.LongInlineString(256L * 1024 * 1024),
        "inline-100k-characters" => SpreadsheetBombs.LongInlineString(100_000, varied: true),
        "shared-strings-70MB" => SpreadsheetBombs.HugeSharedStrings(70L * 1024 * 1024, oneString: false),
        "shared-string-100k-characters" => SpreadsheetBombs.HugeSharedStrings(100_000, oneString: true),
        "declares-more-than-it-holds" => SpreadsheetBombs.LyingSizes(actual => actual + 5_000),
        "declares-less-than-it-holds" => SpreadsheetBombs.LyingSizes(_ => 1_000),
        _ => SpreadsheetBombs.OneFarCell(Bomb),
    };

    [Benchmark]
    public string RosterRefuses()
    {
        try
        {
            RosterFile.Read(new MemoryStream(_file, writable: false), 50_000, CancellationToken.None);
            return "read";
        }
        catch (DomainRuleException e)
        {
            return e.Code;
        }
        catch (RosterFileException e)
        {
            return e.Code;
        }
    }

    [Benchmark]
    public string ImportGuardRefuses()
    {
        try
        {
            XlsxGuard.Inspect(new MemoryStream(_file, writable: false), XlsxLimits.Import, CancellationToken.None);
            return "read";
        }
        catch (DomainRuleException e)
        {
            return e.Code;
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException)
        {
            return "damaged";
        }
    }
}
