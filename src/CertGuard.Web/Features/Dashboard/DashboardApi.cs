using System.Globalization;
using CertGuard.Data.Campaigns.Dashboard;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Dashboard;

/// <summary><c>GET /api/v1/campaigns/{id}/dashboard</c>: the dashboard's figures as JSON, scoped like the page.</summary>
public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns").WithTags("专项行动看板 Campaign dashboard").RequireAuthorization(DashboardModule.Policy);
        group.MapGet("/{id:guid}/dashboard", async Task<Results<Ok<CampaignDashboard>, ProblemHttpResult>> (Guid id, string? indicator, DashboardQuery query, CancellationToken ct) =>
            DashboardIndicators.Find(indicator ?? DashboardIndicators.DefaultId) is { } chosen
                ? TypedResults.Ok(await query.BuildAsync(id, chosen, ct))
                : UnknownIndicator(indicator))
            .WithSummary("专项行动看板：各市地图数值、按月趋势、各市排名与“五个一批”成果（indicator：fake＝发现假证(6+15)、4＝依法持证率、20＝行政处罚、30＝封堵关闭假冒网站，或统计表任一指标代码）；市安委办只见本市；null 为暂无数据")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    /// <summary>A 400 problem: the indicator is a query parameter no row or choice has.</summary>
    public static ProblemHttpResult UnknownIndicator(string? indicator) =>
        Problems.Create(StatusCodes.Status400BadRequest, "DASHBOARD-INDICATOR", ProblemText.Of("DASHBOARD-INDICATOR", CultureInfo.CurrentUICulture), $"indicator={indicator}");
}
