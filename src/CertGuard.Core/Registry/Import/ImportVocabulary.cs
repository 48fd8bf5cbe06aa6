using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Regions;

namespace CertGuard.Core.Registry.Import;

/// <summary>
/// The words an import file uses for catalogue entries, cities, states and reasons, read both ways: the export
/// writes them and the import reads them back, so an exported file (with full numbers) imports as “unchanged”.
/// </summary>
public static class ImportVocabulary
{
    private static readonly Dictionary<string, OperationCategory> Categories = Index(
        OperationCatalogue.Current.Categories, c => [c.Code, c.Name]);

    private static readonly Dictionary<string, OperationItem> Items = Index(
        OperationCatalogue.Current.Items, i => [i.Code, i.Name]);

    private static readonly Dictionary<string, Region> Cities = Index(
        RegionDirectory.Guangdong.Cities, c => [c.Code, c.Name, c.Name.TrimEnd('市'), c.Name + "应急管理局", c.Name + "安全生产监督管理局"]);

    /// <summary>What the export writes for each state; the import reads these and a few other spellings.</summary>
    public static IReadOnlyDictionary<CertificateState, string> StateNames { get; } = new Dictionary<CertificateState, string>
    {
        [CertificateState.Valid] = "有效",
        [CertificateState.ReviewDue] = "待复审",
        [CertificateState.ReviewOverdue] = "逾期未复审",
        [CertificateState.ReviewFailed] = "复审不合格",
        [CertificateState.Expired] = "已过期",
        [CertificateState.Revoked] = "已撤销",
        [CertificateState.Cancelled] = "已注销",
    };

    private static readonly Dictionary<string, CertificateState> States = new(StringComparer.Ordinal)
    {
        ["有效"] = CertificateState.Valid, ["正常"] = CertificateState.Valid, ["待复审"] = CertificateState.Valid, ["已过期"] = CertificateState.Expired,
        ["过期"] = CertificateState.Expired, ["逾期未复审"] = CertificateState.ReviewOverdue, ["逾期未复审（失效）"] = CertificateState.ReviewOverdue,
        ["失效"] = CertificateState.ReviewOverdue, ["复审不合格"] = CertificateState.ReviewFailed, ["复审不合格（失效）"] = CertificateState.ReviewFailed,
        ["撤销"] = CertificateState.Revoked, ["已撤销"] = CertificateState.Revoked, ["注销"] = CertificateState.Cancelled, ["已注销"] = CertificateState.Cancelled,
    };

    /// <summary>The reasons' names in the file; the same words the pages show.</summary>
    public static IReadOnlyDictionary<string, string> ReasonNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(ReviewFailureReason.FailedHealthCheck)] = "健康体检不合格",
        [nameof(ReviewFailureReason.SeriousViolation)] = "违章行为造成严重后果或有2次以上违章行为",
        [nameof(ReviewFailureReason.AdministrativePenalty)] = "因安全生产违法行为受到行政处罚",
        [nameof(ReviewFailureReason.ObstructedInspection)] = "拒绝、阻碍安全生产监管监察部门监督检查",
        [nameof(ReviewFailureReason.MissedTrainingOrExam)] = "未按规定参加安全培训或考试不合格",
        [nameof(ReviewFailureReason.GroundForRevocation)] = "具有应予撤销证书的情形",
        [nameof(RevocationReason.OverdueWithoutReview)] = "超过复审期限未复审",
        [nameof(RevocationReason.PhysicallyUnfit)] = "身体条件已不适合继续从事特种作业",
        [nameof(RevocationReason.ResponsibleForAccident)] = "对发生生产安全事故负有责任",
        [nameof(RevocationReason.FalseInformation)] = "特种作业操作证记载虚假信息",
        [nameof(RevocationReason.FraudOrBribery)] = "以欺骗、贿赂等不正当手段取得",
        [nameof(CancellationReason.HolderDied)] = "持证人死亡",
        [nameof(CancellationReason.HolderRequested)] = "持证人提出注销申请",
        [nameof(CancellationReason.CertificateRevoked)] = "证书被撤销",
    };

    public static OperationCategory? Category(string text) => Categories.GetValueOrDefault(Compact(text));

    public static OperationItem? Item(string text) => Items.GetValueOrDefault(Compact(text));

    /// <summary>An item code that a spreadsheet stored as a number reads back without its trailing zero (5.10 → 5.1).</summary>
    public static bool IsAmbiguousNumber(string code) => OperationCatalogue.Current.FindItem(code + "0") is not null;

    public static Region? City(string text) => Cities.GetValueOrDefault(Compact(text));

    public static Sex? SexOf(string text) => Compact(text) switch
    {
        "男" or "男性" or "M" or "m" or "1" => Sex.Male,
        "女" or "女性" or "F" or "f" or "2" => Sex.Female,
        _ => null,
    };

    public static CertificateState? State(string text) => States.TryGetValue(Compact(text), out var state) ? state : null;

    /// <summary>Reads a reason by its name or enum name; several grounds of a failed review are separated by “；”, “;” or “,” (names themselves hold “、”).</summary>
    public static IReadOnlyList<TReason>? Reasons<TReason>(string text) where TReason : struct, Enum
    {
        var parts = text.Split(['；', ';', ',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reasons = new List<TReason>();
        foreach (var part in parts)
        {
            var name = ReasonNames.FirstOrDefault(r => r.Value == part).Key ?? part;
            if (!Enum.GetNames<TReason>().Contains(name, StringComparer.Ordinal)) return null;
            reasons.Add(Enum.Parse<TReason>(name));
        }
        return reasons.Count == 0 ? null : reasons.Distinct().ToList();
    }

    public static string ReasonText(string? reason) => string.IsNullOrEmpty(reason) ? ""
        : string.Join("；", reason.Split(',').Select(r => ReasonNames.GetValueOrDefault(r, r)));

    private static string Compact(string text) =>
        text.AsSpan().IndexOfAny(Whitespace) < 0 ? text : new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(" \t\r\n\u00A0\u3000");

    private static Dictionary<string, T> Index<T>(IEnumerable<T> entries, Func<T, string[]> keys)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // Codes and names must name one entry each; a clash would be a reference-data error worth failing on.
            foreach (var key in keys(entry).Distinct()) index.Add(key, entry);
        }
        return index;
    }
}
