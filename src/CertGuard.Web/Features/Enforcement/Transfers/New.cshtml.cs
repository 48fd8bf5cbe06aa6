using CertGuard.Core;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Documents;
using CertGuard.Data.Enforcement.Cases;
using CertGuard.Data.Enforcement.Transfers;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Transfers;

/// <summary>
/// /transfers/new?caseId=…: the officers' transfer report (移送报告) from a case, its package prefilled from the case
/// (the investigation report document, the evidence records, the certificates found).
/// </summary>
[Authorize(Policy = TransferAccess.Policy)]
public sealed class NewModel(CaseDesk cases, TransferDesk desk) : PageModel, IShowsRefusals
{
    [BindProperty(SupportsGet = true)]
    public Guid CaseId { get; set; }

    public EnforcementCase Case { get; private set; } = null!;

    [BindProperty] public string? Officer1 { get; set; }
    [BindProperty] public string? Officer2 { get; set; }
    [BindProperty] public string? Officer3 { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Facts { get; set; }
    [BindProperty] public string? InvestigationReport { get; set; }
    [BindProperty] public string? Item1 { get; set; }
    [BindProperty] public int Count1 { get; set; }
    [BindProperty] public string? Item2 { get; set; }
    [BindProperty] public int Count2 { get; set; }
    [BindProperty] public string? AppraisalReport { get; set; }
    [BindProperty] public string? OtherEvidence { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!TransferAccess.MayWork(User.ToScope())) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        Officer1 = User.Identity?.Name;
        Facts = $"{CaseOfficialDocuments.Party(Case)}{Case.Title}" + (Case.CertificateNumbers.Count > 0 ? $"，涉及证书{string.Join("、", Case.CertificateNumbers)}。" : "。");
        InvestigationReport = Case.Documents.LastOrDefault(d => d.Kind == CaseDocumentKind.InvestigationReport)?.Body;
        var evidence = Case.Entries.Where(e => e.Kind is CaseEntryKind.Evidence or CaseEntryKind.Record).Select(e => e.Text).ToList();
        OtherEvidence = evidence.Count > 0 ? string.Join('\n', evidence) : null;
        Reason = "ForgedCertificate";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var items = new List<SeizedItemRequest>();
        if (!string.IsNullOrWhiteSpace(Item1)) items.Add(new(Item1, Count1));
        if (!string.IsNullOrWhiteSpace(Item2)) items.Add(new(Item2, Count2));
        var report = new TransferReportRequest([Officer1 ?? "", Officer2 ?? "", Officer3 ?? ""], Reason, Facts, InvestigationReport, items, AppraisalReport, OtherEvidence);
        var t = await desk.ReportAsync(CaseId, report, ct);
        return Redirect($"/transfers/{t.Id}");
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await cases.FindAsync(CaseId, ct);
        if (found is null) return false;
        Case = found;
        return true;
    }
}
