using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertGuard.Core.Tips;

/// <summary>
/// One dated version of the reward rule (安监总财〔2018〕19号 《安全生产领域举报奖励办法》): a share of the fine with a
/// floor and a ceiling, and fixed amounts per confirmed concealed death by the accident's grade. Shipped as data
/// (Tips/reward-rules.json) with its source, never as constants in code.
/// </summary>
public sealed record RewardRule(
    string Key,
    DateOnly EffectiveFrom,
    string Source,
    decimal Rate,
    decimal Floor,
    decimal Ceiling,
    IReadOnlyDictionary<string, decimal> ConcealedAccidentPerDeath,
    string? Note = null)
{
    /// <summary>The reward for a decision: the rate of the fine within floor and ceiling; a criminal filing without a fine gets the floor.</summary>
    public (decimal Amount, string Basis) ForDecision(decimal fineYuan, bool criminalFiling)
    {
        if (fineYuan <= 0 && !criminalFiling) return (0, "");
        if (fineYuan <= 0)
            return (Floor, $"{Source}：移送司法机关并立案，按最低奖励 {Floor:0} 元");
        var share = Math.Round(fineYuan * Rate, 0, MidpointRounding.AwayFromZero);
        var amount = Math.Clamp(share, Floor, Ceiling);
        return (amount, $"{Source}：罚款 {fineYuan:0} 元 × {Rate * 100:0.##}% = {share:0} 元，最低 {Floor:0} 元、最高 {Ceiling:0} 元，奖励 {amount:0} 元");
    }

    /// <summary>A concealed or falsified accident: a fixed amount per confirmed concealed death by grade, at most the ceiling.</summary>
    public decimal ForConcealedAccident(string grade, int deaths)
    {
        if (!ConcealedAccidentPerDeath.TryGetValue(grade, out var perDeath)) throw Refusal.Invalid("TIP-ACCIDENT-GRADE", ("grade", grade));
        return Math.Min(Ceiling, perDeath * Math.Max(0, deaths));
    }
}

public static class RewardRules
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<RewardRule> Shipped { get; } = Load();

    /// <summary>The rule in force on a day: the last one whose effective date is on or before it (the first before any).</summary>
    public static RewardRule On(DateOnly date) =>
        Shipped.LastOrDefault(r => r.EffectiveFrom <= date) ?? Shipped[0];

    private static List<RewardRule> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CertGuard.Core.Tips.reward-rules.json")!;
        var file = JsonSerializer.Deserialize<RuleFile>(stream, Json)!;
        return file.Rules.Select(r => new RewardRule(r.Key, DateOnly.Parse(r.EffectiveFrom, System.Globalization.CultureInfo.InvariantCulture), r.Source,
            r.Rate, r.Floor, r.Ceiling, r.ConcealedAccidentPerDeath, r.Note)).OrderBy(r => r.EffectiveFrom).ToList();
    }

    private sealed record RuleFile([property: JsonPropertyName("rules")] List<RuleRow> Rules);

    private sealed record RuleRow(string Key, string EffectiveFrom, string Source, decimal Rate, decimal Floor, decimal Ceiling,
        Dictionary<string, decimal> ConcealedAccidentPerDeath, string? Note);
}
