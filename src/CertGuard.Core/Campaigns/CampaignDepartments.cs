namespace CertGuard.Core.Campaigns;

/// <summary>
/// The departments of a campaign's working group the notice gives tasks to (各地安委会牵头，经信、公安、应急管理、市场监管、网信):
/// a stable id for files and the API, the Chinese name and the English one.
/// </summary>
public static class CampaignDepartments
{
    public static IReadOnlyList<(string Id, string Name, string NameEn)> All { get; } =
    [
        ("office", "安委办", "Safety committee office"),
        ("industry", "经信", "Industry and information technology"),
        ("police", "公安", "Police"),
        ("emergency", "应急管理", "Emergency management"),
        ("market", "市场监管", "Market regulation"),
        ("cyberspace", "网信", "Cyberspace"),
    ];

    public static bool IsKnown(string? id) => All.Any(d => d.Id == id);

    public static string NameOf(string id) => All.FirstOrDefault(d => d.Id == id).Name ?? id;
}
