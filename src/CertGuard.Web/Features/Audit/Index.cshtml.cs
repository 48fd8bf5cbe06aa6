using System.Text;
using System.Text.Json;
using CertGuard.Core.Registry.Import;
using CertGuard.Data;
using CertGuard.Data.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertGuard.Web.Features.Audit;

/// <summary>
/// The audit log for auditors and the province office: the chain's check, then the entries with Chinese names for
/// operations, records and fields, each change field by field; filtered, paged and exported (CSV), every read and
/// export itself audited. ID numbers are masked throughout.
/// </summary>
public sealed class IndexModel(CertGuardDbContext db, AuditCheckpoints checkpoints, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Op { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditVerification Verification { get; private set; } = null!;

    public IReadOnlyList<AuditApi.AuditEntryResponse> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + AuditSearch.PageSize - 1) / AuditSearch.PageSize);

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public IReadOnlyList<string> Entities { get; private set; } = [];

    private AuditSearch Search => new(Actor, Op, Entity, From, To, Subject);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Verification = await checkpoints.VerifyAsync(ct: ct);
        PageNumber = Math.Max(1, PageNumber);
        var query = Search.Apply(db.AuditEntries.AsNoTracking());
        Total = await query.CountAsync(ct);
        var entries = await query.Skip((PageNumber - 1) * AuditSearch.PageSize).Take(AuditSearch.PageSize).ToListAsync(ct);
        Actions = await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        Entities = await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(a => a).ToListAsync(ct);
        await AuditReads.RecordAsync(db, "page", before: null, AuditSearch.PageSize, entries.Count, ct);
        Entries = entries.Select(AuditApi.Masked).ToList();
    }

    /// <summary>The filtered entries as CSV (UTF-8 with BOM, formula-safe, masked), at most 20,000 rows; audited.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var entries = await Search.Apply(db.AuditEntries.AsNoTracking()).Take(AuditSearch.MaxExportRows).ToListAsync(ct);
        db.AddAuditEntry("export-audit-log", "AuditLog", "csv", JsonSerializer.Serialize(new { filter = Search.Describe(), rows = entries.Count }));
        await db.SaveChangesAsync(ct);
        var csv = new StringBuilder();
        csv.Append('\uFEFF').AppendLine(string.Join(',', new[] { "#", Text("Audit.At"), Text("Audit.Actor"), Text("Audit.Action"), Text("Audit.Entity"), Text("Audit.EntityId"), Text("Audit.Field"), Text("Audit.Before"), Text("Audit.After") }.Select(Cell)));
        foreach (var e in entries.Select(AuditApi.Masked))
        {
            var changes = AuditChanges.Of(e.Before, e.After);
            foreach (var change in changes.Count == 0 ? [new AuditFieldChange("", null, null)] : changes)
                csv.AppendLine(string.Join(',', new[] { e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditChanges.Time(e.At), e.Actor,
                    ActionName(e.Action), EntityName(e.EntityType), e.EntityId, FieldName(change.Field), change.Before, change.After }.Select(Cell)));
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "audit-log.csv");
    }

    public string ActionName(string action) => Named("Audit.Op." + action, action);

    public string EntityName(string entity) => Named("Audit.Type." + entity, entity);

    public string FieldName(string field) => field.Length == 0 ? Text("Audit.Detail") : Named("Audit.Field." + field, field);

    /// <summary>A link to this list with the same filters and another page.</summary>
    public string Link(int page, string? handler = null) =>
        Url.Page("/Audit/Index", handler, new { actor = Actor, op = Op, entity = Entity, from = From?.ToString("yyyy-MM-dd"), to = To?.ToString("yyyy-MM-dd"), subject = Subject, p = page }) ?? "";

    private string Named(string key, string fallback) => localizer[key] is { ResourceNotFound: false } found ? found.Value : fallback;

    private string Text(string key) => localizer[key];

    private static string Cell(string? text)
    {
        var safe = SpreadsheetText.Safe(text);
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
