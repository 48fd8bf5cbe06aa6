using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Linq.Expressions;
using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>Every certificate under one (bare) number, whichever city issued it and whoever asks.</summary>
public interface ICertificateLookup
{
    Task<IReadOnlyList<PublicCertificateRow>> FindAsync(string number, CancellationToken ct);
}

/// <summary>
/// One indexed query, (Number, ItemCode) index: the holder's certificates with their issuing authority's name.
/// The same statement runs whether or not the name will match, so the answer takes the same work either way.
/// </summary>
// The read-only context: the replica when Database:ReadConnectionString names one (docs/deployment.md).
public sealed class DatabaseCertificateLookup([FromKeyedServices(ReadOnlyDb.Key)] CertGuardDbContext db) : ICertificateLookup
{
    // Compiled once per model (a compiled query is bound to the model it was compiled against: SQLite's or PostgreSQL's,
    // and in tests each app's own), so the hot path skips building and hashing the expression tree on every query. The
    // same projection as Rows, written out because a compiled query cannot call it; a page test holds the lookup to the
    // registry's state, BareQueryTests to NpgsqlCertificateLookup.
    private static readonly ConcurrentDictionary<object, Func<CertGuardDbContext, string, IAsyncEnumerable<PublicCertificateRow>>> ByNumber = new();

    private static Func<CertGuardDbContext, string, IAsyncEnumerable<PublicCertificateRow>> Compile() => EF.CompileAsyncQuery(
        (CertGuardDbContext db, string number) =>
            from c in db.Certificates.IgnoreQueryFilters().AsNoTracking()
            where c.Number == number
            join o in db.Organisations.AsNoTracking() on c.IssuingAuthorityId equals o.Id into authorities
            from o in authorities.DefaultIfEmpty()
            select new PublicCertificateRow(c.Id, c.Number, c.HolderName, c.HolderSex, c.CategoryCode, c.ItemCode, c.FirstIssuedOn,
                c.ValidFrom, c.ValidTo, c.NextReviewDue, c.RegionCode, c.Status, c.StatusChangedOn, c.StatusReason, o == null ? null : o.Name));

    public async Task<IReadOnlyList<PublicCertificateRow>> FindAsync(string number, CancellationToken ct)
    {
        var rows = new List<PublicCertificateRow>(2);
        await foreach (var row in ByNumber.GetOrAdd(db.Model, _ => Compile())(db, number).WithCancellation(ct)) rows.Add(row);
        return rows;
    }

    /// <summary>The registry's row of the certificate a verified QR code names (its number and item), if it holds one.</summary>
    internal static Task<PublicCertificateRow?> OfCodeAsync(CertGuardDbContext db, Cg1Claims claims, CancellationToken ct) =>
        Rows(db, c => c.Number == claims.Number && c.ItemCode == claims.Item).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The projection, shared with the in-memory snapshot and the QR paths so all answer from the same columns. The
    /// filter applies to the certificates, before the projection (a record's constructor cannot be filtered in SQL).
    /// </summary>
    internal static IQueryable<PublicCertificateRow> Rows(CertGuardDbContext db, Expression<Func<Certificate, bool>>? filter = null)
    {
        // The public reads every certificate: the scope filter is for accounts, and this asker has none.
        var certificates = db.Certificates.IgnoreQueryFilters().AsNoTracking();
        if (filter is not null) certificates = certificates.Where(filter);
        return from c in certificates
            join o in db.Organisations.AsNoTracking() on c.IssuingAuthorityId equals o.Id into authorities
            from o in authorities.DefaultIfEmpty()
            select new PublicCertificateRow(c.Id, c.Number, c.HolderName, c.HolderSex, c.CategoryCode, c.ItemCode, c.FirstIssuedOn,
                c.ValidFrom, c.ValidTo, c.NextReviewDue, c.RegionCode, c.Status, c.StatusChangedOn, c.StatusReason, o == null ? null : o.Name);
    }
}

/// <summary>
/// The load benchmark's baseline (<c>PublicQuery:Source=Memory</c>): the same rows, read once at start into a
/// dictionary. It does not see later changes; production always reads the database.
/// </summary>
public sealed class MemoryCertificateLookup(IServiceScopeFactory scopes, ILogger<MemoryCertificateLookup> logger) : ICertificateLookup, IHostedService
{
    private FrozenDictionary<string, PublicCertificateRow[]> _rows = FrozenDictionary<string, PublicCertificateRow[]>.Empty;

    public Task<IReadOnlyList<PublicCertificateRow>> FindAsync(string number, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PublicCertificateRow>>(_rows.TryGetValue(number, out var rows) ? rows : []);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateActorScope(SystemActor.Job("public-query.preload"));
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        var rows = await DatabaseCertificateLookup.Rows(db).ToListAsync(cancellationToken);
        _rows = rows.GroupBy(r => r.Number).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        logger.LogWarning("Public query answers from memory: {Count} certificates loaded at start; later changes are not seen", rows.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
