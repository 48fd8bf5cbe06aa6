using CertGuard.Core.Certificates;

namespace CertGuard.Core.Registry.Import;

/// <summary>
/// The bar after a revocation for fraud or false information (<see cref="IssueEligibility"/>) as an import meets it.
/// An import brings certificates issued elsewhere, so a row is refused when it is a certificate the bar forbids: for
/// the revoked item while the bar runs (unless the row is the revoked certificate itself, which the caller has found
/// unchanged before asking), or for any item when it was first issued between the revocation and the end of the bar.
/// A certificate of another item issued before the revocation is the holder's and imports.
/// </summary>
public static class ImportReapplicationBar
{
    /// <param name="holderCertificates">The registry's certificates of the row's holder, every item and city.</param>
    /// <returns>The refusal, or null when no bar applies to the row.</returns>
    public static ImportIssue? Check(int row, string column, RecordedCertificate record, IEnumerable<Certificate> holderCertificates, ImportContext context)
    {
        foreach (var held in holderCertificates)
        {
            if (held.Number != record.Holder.Value || held.ReapplicationBarredUntil is not { } until) continue;
            if (held.ItemCode == record.ItemCode && until >= context.Today)
                return ImportErrors.ReapplyBarredSameItem(row, column, until);
            var from = until.AddYears(-context.Rules.ReapplicationBarYears);
            if (record.FirstIssuedOn >= from && record.FirstIssuedOn <= until)
                return ImportErrors.ReapplyBarredIssuedInBar(row, column, from, until);
        }
        return null;
    }
}
