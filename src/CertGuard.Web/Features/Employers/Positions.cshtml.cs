using CertGuard.Core;
using CertGuard.Core.Employers;
using Microsoft.AspNetCore.Authorization;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Employers;

/// <summary>/roster/positions: the employer's special-operation positions and the items each accepts.</summary>
[Authorize(Policy = EmployerAccess.SelfPolicy)]
public sealed class PositionsModel(PositionBook book) : PageModel, IShowsRefusals
{
    public IReadOnlyList<Position> Positions { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Items { get; set; } = [];

    [BindProperty]
    public string? Duties { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Positions = await book.ListAsync(Own, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await book.DefineAsync(Own, Name ?? "", Items, Duties, ct);
        Message = "Employers.Positions.Added";
        return RedirectToPage();
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        Positions = await book.ListAsync(Own, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await book.DeleteAsync(Own, id, ct)) return NotFound();
        Message = "Employers.Positions.Deleted";
        return RedirectToPage();
    }

    private Guid Own => EmployerAccess.OwnEmployer(User)!.Value;
}
