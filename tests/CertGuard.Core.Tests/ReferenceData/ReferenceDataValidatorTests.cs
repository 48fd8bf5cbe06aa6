using System.Text.Json.Nodes;
using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Tests.ReferenceData;

/// <summary>What a new version must respect before the province office can confirm it, and the difference it shows.</summary>
public sealed class ReferenceDataValidatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly ReferenceDataSet Held = ReferenceDataSet.Shipped;

    /// <summary>Order 19's file with the changes a test wants, as an upload would carry it.</summary>
    private static string Upload(Action<JsonObject>? change = null)
    {
        var json = JsonNode.Parse(Held.Find("order-19")!.Document.ToJson())!.AsObject();
        json["key"] = "gd-2027";
        json["effectiveFrom"] = "2027-01-01";
        json["status"] = "confirmed";
        change?.Invoke(json);
        return json.ToJsonString();
    }

    private static ReferenceDataVersion Check(string json, params string[] inUse) =>
        ReferenceDataValidator.CheckUpload(ReferenceDataDocument.Parse(json), Held, Today, inUse);

    private static string Refused(string json, params string[] inUse) =>
        Assert.Throws<DomainRuleException>(() => Check(json, inUse)).Code;

    [Fact]
    public void A_good_file_is_a_version_and_its_difference_against_order_19_lists_each_change()
    {
        var version = Check(Upload(j =>
        {
            j["certificateRules"]!["reviewWindowDays"] = 90;
            var electric = j["catalogue"]!["categories"]![0]!["items"]!.AsArray();
            electric.Add(new JsonObject { ["code"] = "1.7", ["name"] = "新能源发电作业" });
            electric[5]!["withdrawn"] = true; // 1.6
            j["penalties"]!.AsArray().RemoveAt(7);
        }), "1.1", "1.6");
        Assert.Equal(new DateOnly(2027, 1, 1), version.EffectiveFrom);
        var diff = ReferenceDataDiff.Between(Held.Find("order-19")!, version);
        Assert.Contains(diff, d => d is { Section: DiffSection.Rules, Key: "reviewWindowDays", Change: DiffChange.Changed, Before: "60", After: "90" });
        Assert.Contains(diff, d => d is { Section: DiffSection.Item, Key: "1.7", Change: DiffChange.Added });
        Assert.Contains(diff, d => d is { Section: DiffSection.Item, Key: "1.6", Change: DiffChange.Changed } && d.After!.Contains("withdrawn", StringComparison.Ordinal));
        Assert.Contains(diff, d => d is { Section: DiffSection.Penalty, Key: "INSTITUTION-CONDITIONS", Change: DiffChange.Removed });
        Assert.Contains(diff, d => d is { Section: DiffSection.Version, Key: "status", Change: DiffChange.Changed });
    }

    [Fact]
    public void Order_19_against_order_30_adds_items_1_4_to_1_6_and_removes_nothing()
    {
        var diff = ReferenceDataDiff.Between(Held.Find("order-30")!, Held.Find("order-19")!);
        Assert.Equal(["1.4", "1.5", "1.6"], diff.Where(d => d.Section == DiffSection.Item).Select(d => d.Key));
        Assert.All(diff.Where(d => d.Section == DiffSection.Item), d => Assert.Equal(DiffChange.Added, d.Change));
        Assert.DoesNotContain(diff, d => d.Change == DiffChange.Removed);
        Assert.DoesNotContain(diff, d => d.Section == DiffSection.Rules && d.Key != "basis");
    }

    [Theory]
    [InlineData("2026-06-01")] // the latest version's day
    [InlineData("2026-12-06")] // today: rules never change behind decisions made
    [InlineData("2026-03-01")]
    public void The_effective_date_must_be_after_the_latest_version_and_today(string date) =>
        Assert.Equal("REFDATA-EFFECTIVE-DATE", Refused(Upload(j => j["effectiveFrom"] = date)));

    [Fact]
    public void A_key_already_held_is_refused() =>
        Assert.Equal("REFDATA-KEY-TAKEN", Refused(Upload(j => j["key"] = "order-30")));

    [Fact]
    public void An_item_live_certificates_hold_cannot_be_dropped_unless_withdrawn()
    {
        var dropped = Upload(j => j["catalogue"]!["categories"]![0]!["items"]!.AsArray().RemoveAt(1)); // 1.2
        Assert.Equal("REFDATA-ITEM-IN-USE", Refused(dropped, "1.2"));
        Assert.Equal("gd-2027", Check(dropped, "1.1").Key); // nobody holds 1.2: it may go
    }

    [Theory]
    [InlineData("certificateRules.validityYears", 0)]
    [InlineData("certificateRules.validityYears", 21)]
    [InlineData("certificateRules.reviewWindowDays", 400)]
    [InlineData("certificateRules.reviewIntervalYears", 7)] // longer than the validity
    public void Rules_out_of_range_are_refused(string field, int value)
    {
        var name = field.Split('.')[1];
        Assert.Equal("REFDATA-RANGE", Refused(Upload(j => j["certificateRules"]![name] = value)));
    }

    [Fact]
    public void A_fine_range_upside_down_or_negative_is_refused()
    {
        Assert.Equal("REFDATA-RANGE", Refused(Upload(j => j["penalties"]![0]!["minimumFine"] = 200_000)));
        Assert.Equal("REFDATA-RANGE", Refused(Upload(j => j["penalties"]![0]!["maximumFine"] = -1)));
    }

    [Theory]
    [InlineData("1.x")]
    [InlineData("2.1")] // under category 1
    [InlineData("1.01")]
    [InlineData("")]
    public void Malformed_item_codes_are_refused(string code)
    {
        var refused = Refused(Upload(j => j["catalogue"]!["categories"]![0]!["items"]![0]!["code"] = code));
        Assert.True(refused is "REFDATA-CODE-MALFORMED" or "REFDATA-FIELD-MISSING", refused);
    }

    [Fact]
    public void A_duplicate_item_is_refused() =>
        Assert.Equal("REFDATA-CODE-DUPLICATE", Refused(Upload(j => j["catalogue"]!["categories"]![0]!["items"]![1]!["code"] = "1.1")));

    [Theory]
    [InlineData("certificateRules")]
    [InlineData("catalogue")]
    [InlineData("penalties")]
    [InlineData("timeLimits")]
    [InlineData("effectiveFrom")]
    public void A_missing_section_is_named(string field) =>
        Assert.Equal("REFDATA-FIELD-MISSING", Refused(Upload(j => j.Remove(field))));

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\":\"certguard-reference-data/1\",\"unknownField\":1}")]
    [InlineData("{\"format\":\"something-else\"}")]
    public void An_unreadable_file_is_refused(string json) =>
        Assert.Equal("REFDATA-FORMAT", Refused(json));

    [Fact]
    public void Every_refusal_code_has_its_texts()
    {
        foreach (var code in new[] { "REFDATA-FORMAT", "REFDATA-FIELD-MISSING", "REFDATA-RANGE", "REFDATA-CODE-MALFORMED", "REFDATA-CODE-DUPLICATE",
                     "REFDATA-TEXT", "REFDATA-KEY-TAKEN", "REFDATA-EFFECTIVE-DATE", "REFDATA-ITEM-IN-USE", "REFDATA-TOO-LARGE", "REFDATA-DATE", "REFDATA-FILE-REQUIRED" })
        {
            var refusal = Refusal.Invalid(code, ("reason", "x"), ("field", "f"), ("value", 1), ("min", 0), ("max", 2), ("code", "c"), ("key", "k"), ("date", "d"), ("after", "a"));
            Assert.NotEqual(code, refusal.Describe(new System.Globalization.CultureInfo("zh-CN")));
            Assert.NotEqual(code, refusal.Describe(new System.Globalization.CultureInfo("en")));
        }
    }
}
