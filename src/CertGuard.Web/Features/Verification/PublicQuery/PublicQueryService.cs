using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Core.Verification;
using CertGuard.Data.Verification;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>What a number and a name asked led to: the certificates matched, and the rows of the number (for the log).</summary>
public sealed record QueryMatch(string NumberAsked, IdNumberError? Typing, IReadOnlyList<PublicCertificateRow> Rows, IReadOnlyList<PublicCertificateRow> Matched)
{
    public bool Found => Matched.Count > 0;
}

/// <summary>
/// The public query: number and name in, one lookup, the same answer for "no such number" and "not this name".
/// Every query is logged (queued: the log's writer stores it later, so no answer waits on the log's database write).
/// </summary>
public sealed class PublicQueryService(ICertificateLookup lookup, VerificationLog log, PublicAnswers answers, TimeProvider clock, CertificateRules rules)
{
    public const int NumberMaxLength = VerificationRecord.NumberMaxLength;

    /// <summary>A 400 problem when the number or the name is missing or absurd; null when the query may run.</summary>
    public static ProblemHttpResult? Refuse(string? no, string? name)
    {
        if (string.IsNullOrWhiteSpace(no))
            return Problems.BadRequest("PUBLIC-QUERY-NUMBER-REQUIRED", "请输入证号（证书编号或持证人身份证号码）。");
        if (string.IsNullOrWhiteSpace(name))
            return Problems.BadRequest("PUBLIC-QUERY-NAME-REQUIRED", "请输入持证人姓名。查询须同时提供证号和姓名。");
        if (no.Trim().Length > NumberMaxLength || name.Trim().Length > HolderNames.MaxLength)
            return Problems.BadRequest("PUBLIC-QUERY-TOO-LONG", $"证号或姓名过长（证号不超过{NumberMaxLength}个字符，姓名不超过{HolderNames.MaxLength}个字符）。");
        return null;
    }

    /// <summary>Looks the number up and compares the name; no early return between the two, whatever the registry holds.</summary>
    private async Task<QueryMatch> MatchAsync(string no, string name, CancellationToken ct)
    {
        var asked = no.Trim();
        var bare = CardForensics.Bare(asked);
        if (!ResidentIdNumber.TryParse(bare, ChinaTime.Today(clock), out _, out var typing))
            return new QueryMatch(asked, typing, [], []);
        var rows = await lookup.FindAsync(bare, ct);
        var nameKey = HolderNames.Key(name);
        var matched = new List<PublicCertificateRow>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.ItemCode, StringComparer.Ordinal))
        {
            if (HolderNames.Matches(row.HolderName, nameKey)) matched.Add(row);
        }
        return new QueryMatch(asked, null, rows, matched);
    }

    public async Task<PublicQueryAnswer> QueryAsync(string no, string name, HttpContext http, CancellationToken ct)
    {
        var match = await MatchAsync(no, name, ct);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        if (!match.Found)
        {
            await LogUnansweredAsync(match, http, now, ct);
            return answers.NotFound(now, match.Typing);
        }
        var states = match.Matched.Select(r => (Row: r, State: r.StateOn(today, rules))).ToList();
        foreach (var (row, state) in states)
            await log.RecordAsync(Record(now, Outcome(state), match.NumberAsked, http, row), ct);
        return answers.Found(states, now);
    }

    /// <summary>Logs a query that found nothing for the asker: malformed, unknown number, or a name that is not the holder's.</summary>
    private ValueTask LogUnansweredAsync(QueryMatch match, HttpContext http, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = match.Typing is not null ? VerificationOutcome.Malformed
            : match.Rows.Count > 0 ? VerificationOutcome.NameMismatch
            : VerificationOutcome.NotFound;
        // A mismatch is evidence against the number's (first) certificate: the signal counts per number.
        var first = match.Rows.OrderBy(r => r.ItemCode, StringComparer.Ordinal).FirstOrDefault();
        return log.RecordAsync(Record(now, outcome, match.NumberAsked, http, outcome == VerificationOutcome.NameMismatch ? first : null), ct);
    }

    public static VerificationOutcome Outcome(CertificateState state) => state switch
    {
        CertificateState.Valid => VerificationOutcome.Valid,
        CertificateState.ReviewDue => VerificationOutcome.ReviewDue,
        CertificateState.ReviewOverdue => VerificationOutcome.ReviewOverdue,
        CertificateState.ReviewFailed => VerificationOutcome.ReviewFailed,
        CertificateState.Expired => VerificationOutcome.Expired,
        CertificateState.Revoked => VerificationOutcome.Revoked,
        _ => VerificationOutcome.Cancelled,
    };

    /// <summary>A log record of a public check, with the asking account where there is one and the coarse origin.</summary>
    public static VerificationRecord Record(DateTimeOffset at, VerificationOutcome outcome, string? numberAsked, HttpContext http,
        PublicCertificateRow? row, VerificationChannel channel = VerificationChannel.PublicQuery, string? itemCode = null)
    {
        var actor = http.User.AsActor();
        return new VerificationRecord(at, channel, outcome, numberAsked)
        {
            CertificateId = row?.Id,
            RegionCode = row?.RegionCode,
            ItemCode = itemCode,
            OrganisationId = actor.IsSignedIn ? actor.OrganisationId : null,
            AccountName = actor.IsSignedIn ? actor.Name : null,
            Origin = ClientOrigin.Of(http.Connection.RemoteIpAddress),
        };
    }
}
