using CertGuard.Core;
using CertGuard.Core.Enforcement;
using CertGuard.Core.ReferenceData;
using CertGuard.Data;
using CertGuard.Data.Enforcement.Cases;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Enforcement.Cases;

/// <summary>/cases/new?leadId=…: an officer proposes filing a case from an open lead of the city.</summary>
[Authorize(Policy = CaseAccess.Policy)]
public sealed class NewModel(CaseDesk desk, CertGuardDbContext db) : PageModel, IShowsRefusals
{
    [BindProperty(SupportsGet = true)]
    public Guid? LeadId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? PersonName { get; set; }

    [BindProperty]
    public List<string> ViolationCodes { get; set; } = [];

    [BindProperty]
    public bool LifeOrSafety { get; set; } = true;

    public InspectionLead? Lead { get; private set; }

    public IReadOnlyList<InspectionLead> OpenLeads { get; private set; } = [];

    public IReadOnlyList<PenaltyRule> Rules => desk.PenaltyRules;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!CaseAccess.MayWork(User.ToScope())) return Forbid();
        await LoadAsync(ct);
        if (Lead is not null) Title ??= Lead.Summary.Length > 100 ? Lead.Summary[..100] : Lead.Summary;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CaseAccess.MayWork(User.ToScope())) return Forbid();
        var opened = await desk.OpenAsync(new OpenCaseRequest(LeadId is { } l ? [l] : [], Title, PersonName, null, null, null, ViolationCodes, LifeOrSafety), ct);
        return Redirect($"/cases/{opened.Id}");
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        OpenLeads = await db.InspectionLeads.AsNoTracking().Where(l => l.Status == LeadStatus.Open).OrderByDescending(l => l.RaisedAt).Take(100).ToListAsync(ct);
        Lead = LeadId is { } id ? OpenLeads.FirstOrDefault(l => l.Id == id) : null;
    }
}
