using CertGuard.Core;
using CertGuard.Data.Registry.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Registry.Import;

/// <summary>The upload page: an officer picks a file, the whole file is checked, and the report says what happened to each row.</summary>
[Authorize(Policy = ImportAccess.Policy)]
[RequestSizeLimit(ImportApi.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportApi.MaxUploadBytes)]
public sealed class IndexModel(CertificateImporter importer) : PageModel
{
    /// <summary>Reports longer than this show the first rows and say how many more there are.</summary>
    public const int ShownIssues = 500;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool GoodRowsOnly { get; set; }

    public ImportReport? Report { get; private set; }

    public string? Error { get; private set; }

    public string? ErrorCode { get; private set; }

    /// <summary>The city the account imports for, or null for the whole province.</summary>
    public string? ScopeCity { get; private set; }

    public void OnGet() => ScopeCity = City();

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
            using var slot = await HttpContext.RequestServices.GetRequiredService<SpreadsheetGate>().EnterAsync(ct);
            Report = await importer.ImportAsync(new ImportFile(upload.FileName, upload.OpenReadStream), new ImportOptions(GoodRowsOnly, ScopeCity), ct);
        }
        catch (ImportFileException e)
        {
            (ErrorCode, Error) = (e.Code, e.Message);
        }
        catch (DomainRuleException e)
        {
            (ErrorCode, Error) = (e.Code, e.Message);
            Response.StatusCode = UploadRefusals.Answer(HttpContext, e, StatusCodes.Status400BadRequest);
        }
        return Page();
    }

    private string? City() => ImportAccess.MayImport(User, out var city) ? city : null;
}
