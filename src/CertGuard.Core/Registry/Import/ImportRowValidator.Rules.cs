using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;

namespace CertGuard.Core.Registry.Import;

/// <summary>The checks across cells: dates in order and within the rules, a status that fits the dates.</summary>
public sealed partial class ImportRowValidator
{
    private sealed record StatusCheck(CertificateStatus Status, DateOnly? On, string? Reason, string? EventReason);

    private (DateOnly First, DateOnly From, DateOnly To, DateOnly ReviewDue)? CheckDates(
        ImportRow row, ResidentIdNumber? id, DateOnly? first, DateOnly? from, DateOnly? to, DateOnly? next, List<ImportIssue> issues)
    {
        if (first is not { } issued || from is not { } validFrom || to is not { } validTo) return null;
        var before = issues.Count;
        var rules = context.Rules;
        var firstGood = issued <= context.Today;
        if (!firstGood) issues.Add(ImportErrors.DateFuture(row.Number, Column(ImportColumn.FirstIssuedOn)));
        else if (id is { } holder && holder.AgeOn(issued) < rules.MinimumAgeAtIssue)
            issues.Add(ImportErrors.UnderAge(row.Number, Column(ImportColumn.FirstIssuedOn), rules.MinimumAgeAtIssue));
        // A renewal passed in the review window starts the new validity the day after the old one ends: up to the window ahead.
        if (validFrom > context.Today.AddDays(rules.ReviewWindowDays + 1)) issues.Add(ImportErrors.ValidFromTooLate(row.Number, Column(ImportColumn.ValidFrom), rules.ReviewWindowDays + 1));
        else if (firstGood && validFrom < issued) issues.Add(ImportErrors.DateOrder(row.Number, Column(ImportColumn.ValidFrom), "有效期起早于初领日期"));
        if (validTo <= validFrom) issues.Add(ImportErrors.DateOrder(row.Number, Column(ImportColumn.ValidTo), "有效期止不晚于有效期起"));
        // Some systems print the end of validity as the anniversary itself rather than the day before: both are accepted.
        else if (validTo > validFrom.AddYears(rules.ValidityYears))
            issues.Add(ImportErrors.ValidityTooLong(row.Number, Column(ImportColumn.ValidTo), rules.ValidityYears));
        var reviewDue = next ?? Min(validFrom.AddYears(rules.ReviewIntervalYears), validTo);
        if (next is not null && validTo > validFrom && (reviewDue <= validFrom || reviewDue > validTo))
            issues.Add(ImportErrors.DateOrder(row.Number, Column(ImportColumn.NextReviewDue), "下次复审日期不在有效期内"));
        return issues.Count > before ? null : (issued, validFrom, validTo, reviewDue);
    }

    private StatusCheck? Status(ImportRow row, (DateOnly First, DateOnly From, DateOnly To, DateOnly ReviewDue)? dates, List<ImportIssue> issues)
    {
        var text = Cell(row, ImportColumn.Status, required: false, issues);
        var on = Date(row, ImportColumn.StatusDate, required: false, issues);
        var reasonText = Cell(row, ImportColumn.StatusReason, required: false, issues);
        if (text is null) return new StatusCheck(CertificateStatus.Active, null, null, null);
        var column = Column(ImportColumn.Status);
        if (ImportVocabulary.State(text) is not { } state)
        {
            issues.Add(ImportErrors.Status(row.Number, column, text));
            return null;
        }
        if (state is CertificateState.Valid or CertificateState.ReviewDue or CertificateState.Expired)
            return new StatusCheck(CertificateStatus.Active, null, null, null);
        if (dates is not { } d) return null;

        if (state == CertificateState.ReviewOverdue)
        {
            if (d.ReviewDue >= context.Today)
            {
                issues.Add(ImportErrors.StatusNotDue(row.Number, column));
                return null;
            }
            // As the daily job records it: invalid from the day after the review fell due.
            return CheckOn(row, on ?? d.ReviewDue.AddDays(1), d.First, issues)
                ? new StatusCheck(CertificateStatus.Invalid, on ?? d.ReviewDue.AddDays(1), nameof(CertificateState.ReviewOverdue), null)
                : null;
        }
        if (on is not { } changed)
        {
            if (!row.IsFormula(ImportColumn.StatusDate) && ImportCells.OptionalText(row[ImportColumn.StatusDate]).Length == 0)
                issues.Add(ImportErrors.StatusDateRequired(row.Number, Column(ImportColumn.StatusDate), text));
            return null;
        }
        if (!CheckOn(row, changed, d.First, issues)) return null;
        return state switch
        {
            CertificateState.ReviewFailed => Reason<ReviewFailureReason>(row, reasonText, text, many: true, issues) is var (ok, reasons) && ok
                ? new StatusCheck(CertificateStatus.Invalid, changed, nameof(CertificateEventKind.ReviewFailed), reasons)
                : null,
            CertificateState.Revoked => Reason<RevocationReason>(row, reasonText, text, many: false, issues) is var (ok, reason) && ok
                ? new StatusCheck(CertificateStatus.Revoked, changed, reason, reason)
                : null,
            _ => Reason<CancellationReason>(row, reasonText, text, many: false, issues) is var (ok, reason) && ok
                ? new StatusCheck(CertificateStatus.Cancelled, changed, reason, reason)
                : null,
        };
    }

    private bool CheckOn(ImportRow row, DateOnly on, DateOnly first, List<ImportIssue> issues)
    {
        var column = Column(ImportColumn.StatusDate);
        if (on > context.Today) issues.Add(ImportErrors.DateFuture(row.Number, column));
        else if (on < first) issues.Add(ImportErrors.DateOrder(row.Number, column, "状态日期早于初领日期"));
        else return true;
        return false;
    }

    /// <summary>(true, null) when no reason is given; (true, names) when every named reason fits the status.</summary>
    private (bool Ok, string? Names) Reason<TReason>(ImportRow row, string? text, string status, bool many, List<ImportIssue> issues)
        where TReason : struct, Enum
    {
        if (text is null) return (true, null);
        var reasons = ImportVocabulary.Reasons<TReason>(text);
        if (reasons is not null && (many || reasons.Count == 1)) return (true, string.Join(',', reasons));
        issues.Add(ImportErrors.Reason(row.Number, Column(ImportColumn.StatusReason), text, status));
        return (false, null);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
