using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Holders;
using CertGuard.Testing;

namespace CertGuard.Web.Tests.Exchange;

/// <summary>The national platform's side of the exchange, as the tests drive it.</summary>
internal static class ExchangeClient
{
    public static HttpClient National(this CertGuardApp app) => app.ApiClient(Role.NationalExchange.Id);

    /// <summary>One page of the change feed; asserts it was served.</summary>
    public static async Task<JsonElement> PullAsync(this HttpClient client, string? since, int? limit = null)
    {
        var query = new List<string>();
        if (since is not null) query.Add("since=" + Uri.EscapeDataString(since));
        if (limit is not null) query.Add("limit=" + limit.Value.ToString(CultureInfo.InvariantCulture));
        var response = await client.GetAsync("/api/v1/exchange/changes" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Follows <c>next</c> until <c>hasMore</c> is false; returns every item and the last cursor.</summary>
    public static async Task<(List<JsonElement> Items, string Next, int Pages)> PullAllAsync(this HttpClient client, string? since, int limit)
    {
        var items = new List<JsonElement>();
        var pages = 0;
        while (true)
        {
            var page = await client.PullAsync(since, limit);
            pages++;
            items.AddRange(page.GetProperty("items").EnumerateArray());
            since = page.GetProperty("next").GetString()!;
            if (!page.GetProperty("hasMore").GetBoolean()) return (items, since, pages);
        }
    }

    public static long Sequence(this JsonElement item) => item.GetProperty("sequence").GetInt64();

    /// <summary>A valid resident ID number of another province (division, birth date, sequence).</summary>
    public static string IdNumber(string division, DateOnly birth, int sequence)
    {
        var first17 = division + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>A certificate of Changsha (430100) in the exchange format; change what a test needs with <c>with</c>-style overrides.</summary>
    public static Dictionary<string, object?> Foreign(string number, int version, string holderName = "李湘", string item = "1.1", string status = "Active") => new()
    {
        ["number"] = number,
        ["holderName"] = holderName,
        ["sex"] = (number[16] - '0') % 2 == 1 ? "M" : "F",
        ["categoryCode"] = item.Split('.')[0],
        ["itemCode"] = item,
        ["firstIssuedOn"] = "2024-06-01",
        ["validFrom"] = "2024-06-01",
        ["validTo"] = "2030-05-31",
        ["nextReviewDue"] = "2027-06-01",
        ["extendedReviewInterval"] = false,
        ["authorityCode"] = "430100",
        ["authorityName"] = "长沙市应急管理局",
        ["status"] = status,
        ["statusReason"] = null,
        ["statusChangedOn"] = null,
        ["reapplicationBarredUntil"] = null,
        ["version"] = version,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> item, string key, object? value) =>
        new(item) { [key] = value };
}
