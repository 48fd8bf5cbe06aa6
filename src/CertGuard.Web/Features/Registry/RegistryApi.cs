using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Database;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry;

public static class RegistryApi
{
    public static IServiceCollection AddRegistry(this IServiceCollection services) => services.AddScoped<CertificateLabels>();

    public static RouteGroupBuilder MapRegistryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/certificates").WithTags("证书登记 Registry").RequireAuthorization(AccountServices.RegistryPolicy);
        group.MapGet("/", SearchAsync).WithSummary("按证号、姓名、城市、类别、状态检索证书（按游标翻页：after=next 下一页，before=previous 上一页）");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("证书详情及其历史；fullIdNumber=true 返回完整证号并记入审计");
        api.MapGet("/holders/{number}/certificates", HolderCertificatesAsync).WithTags("证书登记 Registry")
            .RequireAuthorization(AccountServices.RegistryPolicy)
            .WithSummary("某持证人（按证号或身份证号）在本账号范围内的全部证书");
        return api;
    }

    private static async Task<Results<Ok<RegistryPageResponse>, ProblemHttpResult>> SearchAsync(
        string? q, string? city, string? category, string? status, string? after, string? before, int? pageSize,
        [FromKeyedServices(ReadOnlyDb.Key)] CertGuardDbContext db, TimeProvider clock, CertificateRules rules, CertificateLabels labels, CancellationToken ct)
    {
        CertificateState? state = null;
        if (!string.IsNullOrEmpty(status))
        {
            // By name only: Enum.TryParse would also take "1" or "ReviewDue,ReviewOverdue" (flags, OR-ed into another state).
            var name = Enum.GetNames<CertificateState>().FirstOrDefault(n => string.Equals(n, status, StringComparison.OrdinalIgnoreCase));
            if (name is null)
                return Problems.BadRequest("STATUS-UNKNOWN", "状态参数无效。", $"可用值：{string.Join(", ", Enum.GetNames<CertificateState>())}");
            state = Enum.Parse<CertificateState>(name);
        }
        var result = await new RegistryQuery(q, city, category, state, after, before, pageSize ?? 20).RunAsync(db, ChinaTime.Today(clock), rules, ct);
        return TypedResults.Ok(new RegistryPageResponse(
            result.Items.Select(c => CertificateSummary.From(c, c.StateAt(clock, rules), labels)).ToList(),
            result.PageSize, result.Total, result.TotalIsLowerBound, result.Next, result.Previous));
    }

    private static async Task<Results<Ok<CertificateDetail>, ProblemHttpResult>> GetAsync(
        Guid id, bool? fullIdNumber, CertGuardDbContext db, TimeProvider clock, CertificateRules rules, CertificateLabels labels, CancellationToken ct)
    {
        // Out of scope and non-existent look the same: the query filter hides other cities' certificates.
        var certificate = await db.Certificates.AsNoTracking().Include(c => c.History).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null) return Problems.NotFound("CERT-NOT-FOUND", "未找到该证书，或该证书不在您的管辖范围内。");
        var authority = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == certificate.IssuingAuthorityId, ct);
        if (fullIdNumber == true)
        {
            db.AddAuditEntry("view-full-id", nameof(Certificate), certificate.Id.ToString(), "{\"via\":\"api\"}");
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(CertificateDetails.From(certificate, certificate.StateAt(clock, rules), authority, fullIdNumber == true, labels));
    }

    private static async Task<Results<Ok<IReadOnlyList<CertificateSummary>>, ProblemHttpResult>> HolderCertificatesAsync(
        string number, CertGuardDbContext db, TimeProvider clock, CertificateRules rules, CertificateLabels labels, CancellationToken ct)
    {
        if (!ResidentIdNumber.TryParse(CertificateNumber.Normalize(number), ChinaTime.Today(clock), out var id, out var error))
            return Problems.BadRequest(error.Code, error.Message);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.Number == id.Value).OrderBy(c => c.ItemCode).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<CertificateSummary>>(certificates.Select(c => CertificateSummary.From(c, c.StateAt(clock, rules), labels)).ToList());
    }
}
