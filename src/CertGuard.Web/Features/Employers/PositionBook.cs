using CertGuard.Core;
using CertGuard.Core.Employers;
using CertGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Employers;

/// <summary>An employer's positions: define, change, delete; one name per employer.</summary>
public sealed class PositionBook(CertGuardDbContext db, TimeProvider clock)
{
    public Task<List<Position>> ListAsync(Guid organisationId, CancellationToken ct) =>
        db.Set<Position>().AsNoTracking().Where(p => p.OrganisationId == organisationId).OrderBy(p => p.Name).ToListAsync(ct);

    public async Task<Position> DefineAsync(Guid organisationId, string name, IEnumerable<string> items, string? duties, CancellationToken ct)
    {
        var position = Position.Define(organisationId, name, items, duties, clock.GetUtcNow());
        await CheckNameFreeAsync(organisationId, position.Name, null, ct);
        db.Add(position);
        await db.SaveChangesAsync(ct);
        return position;
    }

    /// <summary>Null when the employer has no such position. Earlier checks keep the name they were made under.</summary>
    public async Task<Position?> ChangeAsync(Guid organisationId, Guid id, string name, IEnumerable<string> items, string? duties, CancellationToken ct)
    {
        var position = await db.Set<Position>().SingleOrDefaultAsync(p => p.Id == id && p.OrganisationId == organisationId, ct);
        if (position is null) return null;
        position.Change(name, items, duties, clock.GetUtcNow());
        await CheckNameFreeAsync(organisationId, position.Name, id, ct);
        await db.SaveChangesAsync(ct);
        return position;
    }

    /// <summary>False when the employer has no such position. Rows of the current roster naming it become bad rows at the next recheck.</summary>
    public async Task<bool> DeleteAsync(Guid organisationId, Guid id, CancellationToken ct)
    {
        var position = await db.Set<Position>().SingleOrDefaultAsync(p => p.Id == id && p.OrganisationId == organisationId, ct);
        if (position is null) return false;
        db.Remove(position);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task CheckNameFreeAsync(Guid organisationId, string name, Guid? except, CancellationToken ct)
    {
        if (await db.Set<Position>().AnyAsync(p => p.OrganisationId == organisationId && p.Name == name && p.Id != except, ct))
            throw Refusal.Conflict("POSITION-NAME-TAKEN", ("name", name));
    }
}
