namespace CertGuard.Data.Campaigns.Dashboard;

/// <summary>
/// The province's (or one city's) picture of a campaign: the chosen indicator per city since the campaign began
/// (the map and the ranking), per calendar month (the trend), and the "five of each" results. A null value is not yet
/// available (no module counts it yet), shown as 暂无数据, never as 0.
/// </summary>
/// <param name="City">The only city shown (a city office's); null when the province's 21 cities are.</param>
/// <param name="From">Where the campaign's figures start: its first day, China time.</param>
/// <param name="To">Where they end: now, or the day after the campaign's last day once it is over.</param>
/// <param name="Total">The indicator for the whole scope (the province, sums with ratios recomputed; or the city).</param>
public sealed record CampaignDashboard(
    Guid CampaignId,
    string CampaignName,
    string DocumentNumber,
    DashboardIndicator Indicator,
    string? City,
    DateTimeOffset From,
    DateTimeOffset To,
    decimal? Total,
    IReadOnlyList<CityFigure> Map,
    IReadOnlyList<MonthFigure> Trend,
    IReadOnlyList<CityFigure> Ranking,
    IReadOnlyList<ResultFigure> FiveOfEach);

/// <summary>A city's value; <paramref name="Rank"/> is its place among the cities with a value (equal values share it).</summary>
public sealed record CityFigure(string Code, string Name, string NameEn, decimal? Value, int? Rank);

/// <summary>The scope's value in one calendar month of the campaign ([From, To), China time).</summary>
public sealed record MonthFigure(string Month, DateTimeOffset From, DateTimeOffset To, decimal? Value);

/// <summary>One of the "five of each" results for the scope since the campaign began.</summary>
public sealed record ResultFigure(string Code, string Label, string LabelEn, string Unit, string UnitEn, decimal? Value);
