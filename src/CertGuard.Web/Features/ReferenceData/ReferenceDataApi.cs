using System.Globalization;
using System.Text;
using CertGuard.Core;
using CertGuard.Core.Time;
using CertGuard.Data.ReferenceData;

namespace CertGuard.Web.Features.ReferenceData;

/// <summary>
/// <c>/api/v1/reference-data</c> and <c>/api/v1/penalty-rules</c>: the versions of the dated rules, the one in force on
/// a date, and the province office's loading of a new one (preview, then confirm).
/// </summary>
public static class ReferenceDataApi
{
    public static RouteGroupBuilder MapReferenceDataApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reference-data").WithTags("规则参考数据 Reference data").RequireAuthorization();
        foreach (var status in new[] { 400, 401, 403, 404, 409, 413, 422 }) group.ProducesProblem(status);

        group.MapGet("/versions", async (ReferenceDataProvider provider, ReferenceDataBook book, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(VersionSummary.List(provider.Current, await book.RecordsAsync(ct), ChinaTime.Today(clock))))
            .WithSummary("规则参考数据的全部版本（新的在前）：生效日期、施行至、状态（confirmed / to-be-confirmed）、来源");
        group.MapGet("/in-force", (string? date, ReferenceDataProvider provider, TimeProvider clock) =>
            {
                if (!TryDay(date, out var asked)) throw Refusal.Invalid("REFDATA-DATE", ("date", date!.Length > 20 ? date[..20] : date));
                var set = provider.Current;
                var version = set.InForce(asked ?? ChinaTime.Today(clock));
                return (IResult)TypedResults.Ok(VersionView.From(version, set.InForceUntil(version)));
            })
            .WithSummary("某日（?date=YYYY-MM-DD，默认今天，东八区）施行的版本：证书规则、目录、罚则和程序时限");
        group.MapGet("/versions/{key}/document", (string key, ReferenceDataProvider provider) =>
                provider.Current.Find(key) is { } v
                    ? Results.Text(v.Document.ToJson(), "application/json", Encoding.UTF8)
                    : throw Refusal.NotFound("REFDATA-VERSION-NOT-FOUND", ("key", key.Length > 40 ? key[..40] : key)))
            .WithSummary("某版本的文件（上传格式），可下载修改后作为新版本上传");

        var editor = group.MapGroup("/versions").RequireAuthorization(ReferenceDataModule.EditorPolicy);
        editor.MapPost("/preview", async (HttpRequest request, ReferenceDataBook book, CancellationToken ct) =>
            {
                var json = await BodyAsync(request, ct) ?? throw TooLarge();
                return TypedResults.Ok(PreviewView.From(await book.PreviewAsync(json, ct)));
            })
            .Accepts<Core.ReferenceData.ReferenceDataDocument>("application/json")
            .WithSummary("省安委办：检查新版本文件，返回与其生效前一日施行版本的差异（不保存）");
        editor.MapPost("/", async (HttpRequest request, ReferenceDataBook book, CancellationToken ct) =>
            {
                var json = await BodyAsync(request, ct) ?? throw TooLarge();
                var loaded = await book.ConfirmAsync(json, ct);
                return TypedResults.Created($"/api/v1/reference-data/versions/{loaded.Version.Key}/document", PreviewView.From(loaded));
            })
            .Accepts<Core.ReferenceData.ReferenceDataDocument>("application/json")
            .WithSummary("省安委办：确认加载新版本（再次检查、保存、审计），自其生效日起各实例使用");

        api.MapGet("/penalty-rules", (ReferenceDataProvider provider, TimeProvider clock) =>
            {
                var today = ChinaTime.Today(clock);
                var version = provider.Current.InForce(today);
                return TypedResults.Ok(new PenaltyRulesView(version.Key, version.Title, today, version.Penalties.Select(PenaltyView.From).ToList()));
            })
            .RequireAuthorization().WithTags("规则参考数据 Reference data")
            .WithSummary("今天施行的罚则：每种违法行为的法律依据、处罚种类和罚款幅度（元）");
        return api;
    }

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        day = parsed;
        return true;
    }

    /// <summary>The request body as text, or null beyond the size a reference data file can have.</summary>
    private static async Task<string?> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ReferenceDataBook.MaxDocumentBytes) return null;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[ReferenceDataBook.MaxDocumentBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return read > ReferenceDataBook.MaxDocumentBytes ? null : new string(buffer, 0, read);
    }

    private static DomainRuleException TooLarge() => Refusal.TooLarge("REFDATA-TOO-LARGE", ("max", ReferenceDataBook.MaxDocumentBytes / 1024));
}
