using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Employers;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Holders;
using CertGuard.Core.Inspections;
using CertGuard.Core.Institutions;
using CertGuard.Core.Organisations;
using CertGuard.Core.Registry.Import;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using CertGuard.Data.Inspections;
using CertGuard.Web.Features.Credentials;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Inspections;

/// <summary>Orders to correct (责令限期整改): issued from an inspection, reported by the addressee, closed or escalated by the re-inspection.</summary>
public sealed partial class InspectionDesk
{
    public async Task<CorrectionOrder> IssueOrderAsync(Guid id, OrderRequest request, CancellationToken ct)
    {
        var inspection = await OwnAsync(id, ct);
        var order = new CorrectionOrder(inspection, request.Requirements, request.Deadline ?? throw Refusal.Invalid("INSPECTION-ORDER-DEADLINE",
            ("today", Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))), Today, actor.Name, Now);
        db.Add(order);
        await SaveAsync(ct);
        return order;
    }

    public async Task<CorrectionOrder> OrderAsync(Guid id, CancellationToken ct) =>
        await db.Set<CorrectionOrder>().SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw Refusal.NotFound("INSPECTION-ORDER-NOT-FOUND");

    /// <summary>The addressee reports its correction (its own orders only: the scope filter shows it no other).</summary>
    public async Task<CorrectionOrder> ReportAsync(Guid id, ReportRequest request, CancellationToken ct)
    {
        if (actor.Scope is not { } scope || !InspectionAccess.IsAddressee(scope)) throw Refusal.Forbidden("INSPECTION-ORDER-ADDRESSEE");
        var order = await OrderAsync(id, ct);
        if (order.OrganisationId != scope.OrganisationId) throw Refusal.NotFound("INSPECTION-ORDER-NOT-FOUND");
        order.Report(request.Text, request.Version, actor.Name, Now);
        await SaveAsync(ct);
        return order;
    }

    /// <summary>The re-inspection (复查): corrected closes the order; not corrected raises a lead for a case.</summary>
    public async Task<CorrectionOrder> ReinspectAsync(Guid id, ReinspectRequest request, CancellationToken ct)
    {
        var city = City;
        var order = await OrderAsync(id, ct);
        if (order.RegionCode != city) throw Refusal.NotFound("INSPECTION-ORDER-NOT-FOUND");
        order.Reinspect(request.Corrected, request.Note, request.Version, actor.Name, Now);
        if (!request.Corrected)
        {
            var lead = new InspectionLead(order.RegionCode, LeadSources.Inspection,
                $"复查发现责令限期整改事项逾期未改正（期限{order.Deadline:yyyy-MM-dd}）：{order.ReinspectionNote}（{order.OrganisationName}）", actor.Name, Now)
            {
                SourceId = order.Id, OrganisationId = order.OrganisationId,
            };
            db.InspectionLeads.Add(lead);
            order.LeadRaised(lead.Id);
        }
        await SaveAsync(ct);
        return order;
    }
}
