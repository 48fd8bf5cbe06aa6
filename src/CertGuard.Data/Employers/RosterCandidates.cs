using CertGuard.Core.Employers;
using CertGuard.Core.Holders;
using CertGuard.Core.Registry.Import;

namespace CertGuard.Data.Employers;

/// <summary>
/// A roster row ready to be judged: its worker, position and parsed number; or why it cannot be (a bad row), or why
/// its number cannot be a certificate number (a bad ID).
/// </summary>
internal sealed record RosterCandidate(int Row, string Name, string Number, Position? Position, string? PositionText, string? Bad, string? BadId)
{
    public bool Judgeable => Bad is null && BadId is null;
}

internal static class RosterCandidates
{
    /// <summary>Rows of an uploaded file: its own problems, then repeats of a worker, unknown positions and bad numbers.</summary>
    public static List<RosterCandidate> FromLines(IEnumerable<RosterLine> lines, IReadOnlyDictionary<string, Position> positions, DateOnly today)
    {
        var seen = new Dictionary<string, List<(string Name, int Row)>>(StringComparer.Ordinal);
        var candidates = new List<RosterCandidate>();
        foreach (var line in lines)
        {
            var number = CertificateNumbers.Normalize(line.Number);
            var positionText = Position.NormaliseName(line.Position);
            if (line.Problem is { } problem)
            {
                candidates.Add(new(line.Row, line.Name, number, null, positionText, problem, null));
                continue;
            }
            // Only a repeat of the same person is a duplicate: a second name on the number is judged like any row
            // (the one the registry does not know gets name-mismatch, the impersonation the signals look for).
            if (!seen.TryGetValue(number, out var named)) seen[number] = named = [];
            if (named.FirstOrDefault(n => HolderNames.Same(n.Name, line.Name)) is { Name: not null } first)
            {
                candidates.Add(new(line.Row, line.Name, number, null, positionText, $"与第{first.Row}行是同一人同一证件号码：同一人只核验一次，请删去重复的行。", null));
                continue;
            }
            named.Add((line.Name, line.Row));
            Position? position = null;
            if (positionText.Length > 0 && !positions.TryGetValue(positionText, out position))
            {
                candidates.Add(new(line.Row, line.Name, number, null, positionText,
                    $"岗位“{positionText}”尚未在岗位管理中设置：请先添加该岗位，或留空（留空时持有任一有效证书即可）。", null));
                continue;
            }
            candidates.Add(new(line.Row, line.Name, number, position, positionText, null, NumberError(number, today)));
        }
        return candidates;
    }

    /// <summary>The current roster's rows again, with today's positions (a position deleted since makes a bad row).</summary>
    public static List<RosterCandidate> FromRows(IEnumerable<RosterRow> rows, IReadOnlyDictionary<Guid, Position> positions, DateOnly today)
    {
        var candidates = new List<RosterCandidate>();
        foreach (var row in rows)
        {
            if (!row.IsCounted)
            {
                candidates.Add(new(row.Row, row.Name, row.Number, null, row.PositionName, row.Reason, null));
                continue;
            }
            Position? position = null;
            if (row.PositionId is { } id && !positions.TryGetValue(id, out position))
            {
                candidates.Add(new(row.Row, row.Name, row.Number, null, row.PositionName,
                    $"岗位“{row.PositionName}”已被删除：请重新设置岗位后再上传名册。", null));
                continue;
            }
            candidates.Add(new(row.Row, row.Name, row.Number, position, position?.Name, null, NumberError(row.Number, today)));
        }
        return candidates;
    }

    private static string? NumberError(string number, DateOnly today)
    {
        if (number.Contains('*', StringComparison.Ordinal)) return "证件号码是脱敏形式（含*），无法核验：请填写完整的18位号码。";
        return ResidentIdNumber.TryParse(number, today, out _, out var error) ? null : error.Message;
    }
}
