using System.Text.Json.Nodes;
using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Tests.Enforcement;

/// <summary>Discretion bands as dated reference data: checked inside their rule's range, shown in the difference.</summary>
public sealed class DiscretionBandDataTests
{
    private static readonly ReferenceDataSet Held = ReferenceDataSet.Shipped;

    private static string Upload(Action<JsonObject> change)
    {
        var json = JsonNode.Parse(Held.Find("order-19")!.Document.ToJson())!.AsObject();
        json["key"] = "gd-2027";
        json["effectiveFrom"] = "2027-01-01";
        change(json);
        return json.ToJsonString();
    }

    private static JsonObject FirstBand(JsonObject j) => j["penalties"]![0]!["bands"]![0]!.AsObject(); // EMPLOYER-UNCERTIFIED-WORKER / LIGHT

    private static ReferenceDataVersion Build(string json) => ReferenceDataValidator.Build(ReferenceDataDocument.Parse(json));

    private static DomainRuleException Refused(string json) => Assert.Throws<DomainRuleException>(() => Build(json));

    [Fact]
    public void The_shipped_file_round_trips_with_its_bands()
    {
        var version = Build(Upload(_ => { }));
        var rule = version.Penalty("EMPLOYER-UNCERTIFIED-WORKER")!;
        Assert.Equal(["LIGHT", "GENERAL", "SERIOUS"], rule.Bands.Select(b => b.Code));
        Assert.Equal(true, rule.Bands[0].When.FirstOffence);
        Assert.Equal(2, rule.Bands[0].When.MaxWorkers);
        Assert.Equal("较轻", rule.Bands[0].Name);
    }

    [Fact]
    public void A_band_above_its_rules_maximum_is_refused()
    {
        var refusal = Refused(Upload(j => FirstBand(j)["maximumFine"] = 150_000));
        Assert.Equal("REFDATA-RANGE", refusal.Code);
        Assert.Equal("penalties[EMPLOYER-UNCERTIFIED-WORKER].bands[LIGHT].maximumFine", refusal.Arguments["field"]);
    }

    [Fact]
    public void A_band_below_its_rules_minimum_or_upside_down_is_refused()
    {
        Assert.Equal("REFDATA-RANGE", Refused(Upload(j => j["penalties"]![5]!["bands"]![0]!["minimumFine"] = 500)).Code); // HOLDER-FORGED: ≥ 1,000
        Assert.Equal("REFDATA-RANGE", Refused(Upload(j => FirstBand(j)["minimumFine"] = 40_000)).Code);
    }

    [Fact]
    public void A_band_needs_a_well_formed_unique_code_its_texts_and_known_fields()
    {
        Assert.Equal("REFDATA-CODE-MALFORMED", Refused(Upload(j => FirstBand(j)["code"] = "light")).Code);
        Assert.Equal("REFDATA-CODE-DUPLICATE", Refused(Upload(j => FirstBand(j)["code"] = "GENERAL")).Code);
        Assert.Equal("REFDATA-FIELD-MISSING", Refused(Upload(j => FirstBand(j).Remove("conditions"))).Code);
        Assert.Equal("REFDATA-FORMAT", Assert.Throws<DomainRuleException>(() => ReferenceDataDocument.Parse(Upload(j => FirstBand(j)["when"]!["weather"] = "rain"))).Code);
    }

    [Fact]
    public void A_rule_without_a_fine_takes_no_band_with_a_fine()
    {
        var refusal = Refused(Upload(j => j["penalties"]![7]!["bands"] = new JsonArray(new JsonObject
        {
            ["code"] = "ANY", ["name"] = "一般", ["nameEn"] = "General", ["conditions"] = "任何", ["conditionsEn"] = "Any",
            ["minimumFine"] = 0, ["maximumFine"] = 1000,
        })));
        Assert.Equal("REFDATA-RANGE", refusal.Code);
    }

    [Fact]
    public void The_difference_shows_a_changed_band_by_rule_and_band()
    {
        var version = Build(Upload(j => FirstBand(j)["maximumFine"] = 20_000));
        var diff = ReferenceDataDiff.Between(Held.Find("order-19")!, version);
        Assert.Contains(diff, d => d is { Section: DiffSection.Penalty, Key: "EMPLOYER-UNCERTIFIED-WORKER/LIGHT", Change: DiffChange.Changed }
            && d.After!.Contains("20,000", StringComparison.Ordinal));
    }
}
