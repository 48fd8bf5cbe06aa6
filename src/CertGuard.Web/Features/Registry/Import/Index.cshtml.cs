using CertGuard.Core;
using CertGuard.Data;
using CertGuard.Data.Registry.Import;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry.Import;

/// <summary>
/// The upload page: an officer picks a file, the whole file is checked, and the report says what happened to each
/// row. A large file becomes a background job: the page (<c>?job=…</c>) shows its progress and then its report.
/// </summary>
[Authorize(Policy = ImportAccess.Policy)]
[RequestSizeLimit(ImportApi.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportApi.MaxUploadBytes)]
public sealed class IndexModel(ImportSubmission submission, CertGuardDbContext db, ImportJobQueue queue) : PageModel, IShowsRefusals
{
    /// <summary>Reports longer than this show the first rows and say how many more there are.</summary>
    public const int ShownIssues = 500;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool GoodRowsOnly { get; set; }

    public ImportReport? Report { get; private set; }

    /// <summary>The background import shown, while it waits or runs.</summary>
    public ImportJobResponse? Job { get; private set; }

    public string? Error { get; private set; }

    public string? ErrorCode { get; private set; }

    /// <summary>The city the account imports for, or null for the whole province.</summary>
    public string? ScopeCity { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? job, CancellationToken ct)
    {
        ScopeCity = City();
        if (job is not { } id) return Page();
        var found = await db.Set<ImportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        if (found is null || !ImportJobResponse.MayRead(User, found)) return NotFound();
        Job = ImportJobResponse.From(found, queue);
        Report = ImportJobResponse.Report(found);
        if (found.FailureCode is { } code) (ErrorCode, Error) = (code, found.FailureMessage);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ScopeCity = City();
        if (Upload is not { Length: > 0 } upload)
        {
            (ErrorCode, Error) = ("IMPORT-FILE-REQUIRED", "请选择要导入的 CSV 或 xlsx 文件。");
            return Page();
        }
        try
        {
            var (report, job) = await submission.SubmitAsync(upload, GoodRowsOnly, ScopeCity, User.Identity!.Name!, ct);
            if (job is not null) return Redirect($"/registry/import?job={job.Id}");
            Report = report;
        }
        catch (ImportFileException e)
        {
            (ErrorCode, Error) = (e.Code, e.Message);
        }
        return Page();
    }

    /// <summary>A refused upload (too large, a bomb, a busy host): the form again with the refusal above it.</summary>
    public Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        return Task.FromResult<IActionResult>(Page());
    }

    private string? City() => ImportAccess.MayImport(User, out var city) ? city : null;
}
