namespace CertGuard.Core.Campaigns;

/// <summary>
/// One row of the monthly statistics table (《…专项治理行动情况统计表》, data/statistics-table.md). <see cref="Code"/> is
/// the figure's key everywhere (sources, reports, exports): the row number, or the row number and a part for the rows
/// the table splits (20.org / 20.person, 45.amount).
/// </summary>
/// <param name="Code">"1" … "47", "20.org", "20.person", "45.amount".</param>
/// <param name="Number">The table's row number.</param>
/// <param name="Section">1 … 7, the table's section (一 … 七).</param>
/// <param name="Label">The table's label, in Chinese.</param>
/// <param name="LabelEn">The English label for the English UI.</param>
/// <param name="Unit">家, 人, 本, 起, 项, 次, 万元, 个, 条, 件, 元, %, 份.</param>
/// <param name="UnitEn">The unit in English.</param>
/// <param name="Kind">Computed from records, entered by a department, or a ratio of two other figures.</param>
/// <param name="Numerator">For a ratio: the code divided.</param>
/// <param name="Denominator">For a ratio: the code divided by.</param>
/// <param name="EnteredBy">For an entered figure: the role id of the department that types it.</param>
public sealed record StatisticsIndicator(
    string Code,
    int Number,
    int Section,
    string Label,
    string LabelEn,
    string Unit,
    string UnitEn,
    IndicatorKind Kind,
    string? Numerator = null,
    string? Denominator = null,
    string? EnteredBy = null)
{
    /// <summary>True for a part of a split row (20.org, 20.person, 45.amount), shown under its row.</summary>
    public bool IsPart => Code.Contains('.', StringComparison.Ordinal);
}
