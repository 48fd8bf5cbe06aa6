using CertGuard.Core.Enforcement.Documents;

namespace CertGuard.Core.Tests.Enforcement;

/// <summary>Document numbers by the authority's pattern (穗应急罚〔2026〕12号) and the document kinds as data.</summary>
public sealed class DocumentNumberPatternTests
{
    [Theory]
    [InlineData("440100", CaseDocumentKind.PenaltyDecision, 2026, 12, "穗应急罚〔2026〕12号")]
    [InlineData("440100", CaseDocumentKind.PenaltyNotice, 2026, 1, "穗应急告〔2026〕1号")]
    [InlineData("440300", CaseDocumentKind.FilingApproval, 2027, 305, "深应急立〔2027〕305号")]
    [InlineData("440600", CaseDocumentKind.PenaltyDecision, 2026, 7, "佛应急罚〔2026〕7号")]
    [InlineData("441500", CaseDocumentKind.PenaltyDecision, 2026, 7, "汕尾应急罚〔2026〕7号")]
    public void A_number_is_city_department_kind_year_and_sequence(string city, CaseDocumentKind kind, int year, int sequence, string expected) =>
        Assert.Equal(expected, DocumentNumberPattern.ForCity(city)!.Format(kind, year, sequence));

    [Fact]
    public void Another_department_uses_its_own_short_name_and_an_unknown_city_has_no_pattern()
    {
        Assert.Equal("穗市监罚〔2026〕3号", DocumentNumberPattern.ForCity("440100", "市监")!.Format(CaseDocumentKind.PenaltyDecision, 2026, 3));
        Assert.Null(DocumentNumberPattern.ForCity("110100"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentNumberPattern("穗", "应急").Format(CaseDocumentKind.PenaltyDecision, 2026, 0));
    }

    [Fact]
    public void Every_kind_has_its_titles_and_a_unique_abbreviation_and_slug()
    {
        Assert.Equal(Enum.GetValues<CaseDocumentKind>(), CaseDocumentKinds.All.Select(k => k.Kind));
        Assert.Equal(CaseDocumentKinds.All.Count, CaseDocumentKinds.All.Select(k => k.Abbreviation).Distinct().Count());
        Assert.Equal(CaseDocumentKinds.All.Count, CaseDocumentKinds.All.Select(k => k.Slug).Distinct().Count());
        Assert.Equal("行政处罚决定书", CaseDocumentKind.PenaltyDecision.Title());
        Assert.Equal("罚", CaseDocumentKind.PenaltyDecision.Abbreviation());
        Assert.Equal("告", CaseDocumentKind.PenaltyNotice.Abbreviation());
        Assert.Equal("立", CaseDocumentKind.FilingApproval.Abbreviation());
        Assert.Equal(CaseDocumentKind.CaseFileIndex, CaseDocumentKinds.FindBySlug("case-file-index")!.Kind);
        Assert.Null(CaseDocumentKinds.FindBySlug("nothing"));
    }

    [Fact]
    public void Every_city_of_the_province_has_a_distinct_short_name()
    {
        var cities = ReferenceFilesCities();
        Assert.All(cities, c => Assert.True(DocumentNumberPattern.CityShortNames.ContainsKey(c), c));
        Assert.Equal(DocumentNumberPattern.CityShortNames.Count, DocumentNumberPattern.CityShortNames.Values.Distinct().Count());
    }

    private static IEnumerable<string> ReferenceFilesCities() =>
        Support.ReferenceFiles.Rows(Support.ReferenceFiles.VendoredText("cities.csv")).Select(r => r[0]);
}
