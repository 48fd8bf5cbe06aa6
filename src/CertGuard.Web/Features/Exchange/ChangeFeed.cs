using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Exchange;

/// <summary>
/// The province's changes for the national platform, in the order they were committed: every step of the history
/// of every certificate issued in Guangdong, after a cursor. Sequence numbers are given under the write lock and
/// committed in their order, so a reader that continues from the last number it saw never misses a change committed
/// later, and never gets one twice. Certificates received from other provinces are not sent back.
/// </summary>
public sealed class ChangeFeed(CertGuardDbContext db)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 5000;

    public async Task<ChangePage> ReadAsync(long after, int limit, CancellationToken ct)
    {
        var rows = await (
                from e in db.CertificateEvents.AsNoTracking()
                join c in db.Certificates.AsNoTracking() on e.CertificateId equals c.Id
                where EF.Property<long>(e, ChangeSequence.Property) > after && c.ExchangeVersion == null
                orderby EF.Property<long>(e, ChangeSequence.Property)
                select new { Sequence = EF.Property<long>(e, ChangeSequence.Property), Event = e, Certificate = c })
            .Take(limit + 1)
            .ToListAsync(ct);
        var hasMore = rows.Count > limit;
        if (hasMore) rows.RemoveAt(rows.Count - 1);

        var authorityIds = rows.Select(r => r.Certificate.IssuingAuthorityId).Distinct().ToList();
        var authorities = await db.Organisations.AsNoTracking().Where(o => authorityIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var items = rows.Select(r => new ChangeItem(
                r.Sequence,
                new ExchangeEvent(r.Event.Kind.ToString(), r.Event.Version, r.Event.OccurredAt, r.Event.EffectiveOn, r.Event.Reason, ActorKind(r.Event.Actor)),
                ExchangeCertificate.From(r.Certificate, authorities.GetValueOrDefault(r.Certificate.IssuingAuthorityId))))
            .ToList();
        var next = items.Count > 0 ? ChangeCursor.Encode(items[^1].Sequence) : ChangeCursor.Encode(after);
        return new ChangePage(items, next, hasMore);
    }

    /// <summary>The platform itself (daily job, command line) or an officer; officers' names stay here.</summary>
    public static string ActorKind(string actor) =>
        SystemActor.IsSystemName(actor) ? "system" : "officer";
}
