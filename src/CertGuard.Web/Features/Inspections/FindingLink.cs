using CertGuard.Core.Inspections;
using CertGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Inspections;

/// <summary>
/// /inspections/findings/{id}: where a lead raised from a finding links back to. Leads know the finding, not its
/// inspection; this finds the inspection in the viewer's scope and goes to its record (404 outside it).
/// </summary>
public static class FindingLink
{
    public static IEndpointRouteBuilder MapFindingLink(this IEndpointRouteBuilder app)
    {
        app.MapGet("/inspections/findings/{id:guid}", async (Guid id, CertGuardDbContext db, CancellationToken ct) =>
            await db.Set<InspectionFinding>().AsNoTracking().Where(f => f.Id == id).Select(f => (Guid?)f.InspectionId).SingleOrDefaultAsync(ct) is { } inspection
                ? Results.Redirect($"/inspections/{inspection}")
                : Results.NotFound())
            .RequireAuthorization(InspectionAccess.ReadPolicy)
            .ExcludeFromDescription();
        return app;
    }
}
