using System.Text.Json;
using CertGuard.Core.Auditing;

namespace CertGuard.Core.Employers;

public enum RosterCheckKind
{
    /// <summary>A roster file was uploaded: it replaces the workforce.</summary>
    Upload,
    /// <summary>The current roster was checked again against today's registry.</summary>
    Recheck,
}

/// <summary>
/// One check of an employer's roster, and the compliance snapshot it yields: how many rows, workers, compliant
/// workers, the count of each verdict and the rate per position. The latest is <see cref="IsCurrent"/>; the earlier
/// ones are the rate over time.
/// </summary>
[Audited]
public sealed class RosterCheck
{
    public const int FileNameMaxLength = 200;

    private RosterCheck()
    {
        RegionCode = FileName = CheckedBy = VerdictCounts = PositionRates = "";
    }

    public RosterCheck(Guid organisationId, string regionCode, RosterCheckKind kind, string fileName, string checkedBy, DateTimeOffset at) : this()
    {
        Id = Guid.CreateVersion7(at);
        OrganisationId = organisationId;
        RegionCode = regionCode;
        Kind = kind;
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        CheckedBy = checkedBy;
        At = at;
        IsCurrent = true;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The employer's city, for the city office's list.</summary>
    public string RegionCode { get; private set; }

    public RosterCheckKind Kind { get; private set; }

    public string FileName { get; private set; }

    public string CheckedBy { get; private set; }

    public DateTimeOffset At { get; private set; }

    public bool IsCurrent { get; private set; }

    /// <summary>Data rows in the file (blank rows not counted).</summary>
    public int Rows { get; private set; }

    public int BadRows { get; private set; }

    /// <summary>Workers counted in the rate: every row but the bad ones.</summary>
    public int Workers { get; private set; }

    public int Compliant { get; private set; }

    /// <summary>JSON object: verdict code → count.</summary>
    public string VerdictCounts { get; private set; }

    /// <summary>JSON array of <see cref="PositionRate"/>.</summary>
    public string PositionRates { get; private set; }

    public decimal? Rate => ComplianceRate.Percent(Compliant, Workers);

    public IReadOnlyDictionary<string, int> Counts =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(VerdictCounts) ?? [];

    public IReadOnlyList<PositionRate> Positions =>
        JsonSerializer.Deserialize<List<PositionRate>>(PositionRates, Json) ?? [];

    /// <summary>Counts the rows of this check into the snapshot.</summary>
    public void Summarise(IReadOnlyCollection<RosterRow> rows)
    {
        Rows = rows.Count;
        BadRows = rows.Count(r => !r.IsCounted);
        Workers = Rows - BadRows;
        Compliant = rows.Count(r => r.Verdict == RosterVerdict.Valid);
        VerdictCounts = JsonSerializer.Serialize(RosterVerdicts.All.ToDictionary(v => v.Code(), v => rows.Count(r => r.Verdict == v)));
        var positions = rows.Where(r => r.IsCounted)
            .GroupBy(r => r.PositionName ?? "")
            .Select(g => new PositionRate(g.Key, g.Count(), g.Count(r => r.Verdict == RosterVerdict.Valid)))
            .OrderBy(p => p.Position.Length == 0).ThenBy(p => p.Position, StringComparer.Ordinal)
            .ToList();
        PositionRates = JsonSerializer.Serialize(positions, Json);
    }

    /// <summary>A newer check took its place as the workforce.</summary>
    public void Supersede() => IsCurrent = false;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
