using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns.Reports;

/// <summary>
/// One code of a city's monthly report as the city office made it: a hand correction of a computed figure (both values
/// kept, with the reason), or an entered figure with its source note. Submission freezes the computed value here too,
/// so a record added later with an earlier date never changes what was reported.
/// </summary>
[Audited]
public sealed class ReportFigure
{
    public const int ReasonMaxLength = 500;
    public const int NoteMaxLength = 500;

    private ReportFigure()
    {
        CityCode = Code = "";
    }

    public ReportFigure(Guid reportId, string cityCode, string code)
    {
        Id = Guid.NewGuid();
        ReportId = reportId;
        CityCode = cityCode;
        Code = code;
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>The report's city, so the row is scoped like its report.</summary>
    public string CityCode { get; private set; }

    public string Code { get; private set; }

    /// <summary>The computed figure frozen at the last submission; null while a draft, or when no module counts the code.</summary>
    public decimal? Computed { get; private set; }

    /// <summary>The value the city office put in place of the computed one.</summary>
    public decimal? Corrected { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>An entered figure's value (宣传活动, or police figures no module counts yet).</summary>
    public decimal? Entered { get; private set; }

    /// <summary>Where an entered figure comes from (the department's document).</summary>
    public string? SourceNote { get; private set; }

    public int Version { get; private set; }

    /// <summary>True when the row says nothing (no correction, no entry, nothing frozen): it can go.</summary>
    public bool IsEmpty => Computed is null && Corrected is null && Entered is null;

    public void Correct(decimal? value, string? reason)
    {
        if (value is null)
        {
            Corrected = null;
            Reason = null;
        }
        else
        {
            CheckValue(value.Value);
            var why = (reason ?? "").Trim();
            if (why.Length is 0 or > ReasonMaxLength) throw Refusal.Invalid("REPORT-CORRECTION-REASON", ("max", ReasonMaxLength));
            Corrected = value;
            Reason = why;
        }
        Version++;
    }

    public void Enter(decimal? value, string? note)
    {
        if (value is null)
        {
            Entered = null;
            SourceNote = null;
        }
        else
        {
            CheckValue(value.Value);
            var source = (note ?? "").Trim();
            if (source.Length is 0 or > NoteMaxLength) throw Refusal.Invalid("REPORT-SOURCE-NOTE", ("max", NoteMaxLength));
            Entered = value;
            SourceNote = source;
        }
        Version++;
    }

    /// <summary>Keeps the computed value as it stood at the cut-off.</summary>
    public void Freeze(decimal? computed)
    {
        Computed = computed;
        Version++;
    }

    private static void CheckValue(decimal value)
    {
        if (value < 0 || value > 1_000_000_000m || decimal.Round(value, 2) != value)
            throw Refusal.Invalid("REPORT-FIGURE-VALUE");
    }
}
