using CertGuard.Core;
using CertGuard.Data.Employers;
using CertGuard.Web.Features.Registry.Import;

namespace CertGuard.Web.Features.Employers;

/// <summary>A roster upload the page and the API both take: size and type limits, then the check.</summary>
public static class RosterUploads
{
    /// <summary>A 100,000-row roster is about 5 MB as CSV (name, number, position); xlsx is smaller.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>The request may be a little larger than the file (the multipart envelope).</summary>
    public const long MaxRequestBytes = MaxBytes + 64 * 1024;

    private static readonly string[] Extensions = [".csv", ".txt", ".xlsx"];

    /// <summary>Why an upload is refused before it is read: (HTTP status, code, Chinese message); null when it may be read.</summary>
    public static (int Status, string Code, string Message)? Refusal(IFormFile? file)
    {
        if (file is null || file.Length == 0)
            return (StatusCodes.Status400BadRequest, "ROSTER-FILE-REQUIRED", "请选择要上传的名册文件（CSV 或 xlsx，字段名 file）。");
        if (file.Length > MaxBytes)
            return (StatusCodes.Status413PayloadTooLarge, "ROSTER-FILE-TOO-LARGE", $"文件超过{MaxBytes / 1024 / 1024} MB：请拆分后分批上传。");
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension.Length > 0 && !Extensions.Contains(extension))
            return (StatusCodes.Status415UnsupportedMediaType, "ROSTER-FILE-TYPE", "只接受 CSV（UTF-8 或 GB18030 编码）或 xlsx 文件。");
        return null;
    }

    /// <summary>
    /// Checks the file, as one of the host's few concurrent spreadsheet reads; a file that cannot be read becomes a
    /// refusal (a bomb, a busy host and the employer's own refusals propagate to the one refusal mapping).
    /// <paramref name="ct"/> is the request's: a client that gives up stops the reading.
    /// </summary>
    public static async Task<(RosterCheckResult? Result, (int Status, string Code, string Message)? Refusal)> CheckAsync(
        HttpContext http, RosterChecker checker, Guid organisationId, IFormFile? file, CancellationToken ct)
    {
        var refusal = Refusal(file);
        if (file is null || refusal is not null) return (null, refusal);
        try
        {
            using var slot = await http.RequestServices.GetRequiredService<SpreadsheetGate>().EnterAsync(ct);
            await using var stream = file.OpenReadStream();
            return (await checker.CheckFileAsync(organisationId, file.FileName, stream, ct), null);
        }
        catch (RosterFileException e)
        {
            return (null, (StatusCodes.Status400BadRequest, e.Code, e.Message));
        }
    }
}
