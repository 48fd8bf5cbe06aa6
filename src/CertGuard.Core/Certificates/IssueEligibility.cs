using CertGuard.Core.Holders;
using CertGuard.Core.Time;

namespace CertGuard.Core.Certificates;

/// <summary>
/// Whether a holder may be issued a certificate for an item, given every certificate the holder has in the registry
/// (all cities, all items): not while one for the item is in force, and not while a revocation for fraud or false
/// information bars a new application — whichever item or city that revocation was for.
/// </summary>
public static class IssueEligibility
{
    /// <summary>
    /// Refuses the issue, or returns the holder's ended certificate for the item (to be issued again, since the
    /// registry holds one record per holder and item), or null when the holder never held one.
    /// </summary>
    public static Certificate? Check(IssueRequest request, IReadOnlyCollection<Certificate> holderCertificates, TimeProvider clock)
    {
        var mine = holderCertificates.Where(c => c.Number == request.Holder.Value).ToList();
        // The bar counts from the revocation to the day of issue: a back-dated issue inside it is refused too.
        var bar = mine.Select(c => c.ReapplicationBarredUntil).Where(u => u is not null && request.IssuedOn <= u).Max();
        if (bar is { } until) throw Barred(until);
        // The ID number is the person: another name under it is an impostor or a change of name, which the officer
        // confirms (or records first by 更换 of the live certificate); never silently a second name for one person.
        if (!request.NameChangeConfirmed && mine.Any(c => !HolderNames.Same(c.HolderName, request.HolderName)))
            throw Refusal.Conflict("CERT-NAME-DIFFERS");
        var sameItem = mine.SingleOrDefault(c => c.ItemCode == request.ItemCode);
        if (sameItem is not null && sameItem.IsLiveOn(ChinaTime.Today(clock))) throw sameItem.LiveCertificateExists();
        return sameItem;
    }

    internal static DomainRuleException Barred(DateOnly until) => Refusal.Invalid("CERT-REAPPLY-BARRED", ("until", until));
}
