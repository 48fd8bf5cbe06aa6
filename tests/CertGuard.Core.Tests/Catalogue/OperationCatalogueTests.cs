using CertGuard.Core.Catalogue;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Catalogue;

public sealed class OperationCatalogueTests
{
    // Order 30's catalogue (the first shipped version): the one catalogue.csv holds.
    private static readonly OperationCatalogue Catalogue = Core.ReferenceData.ReferenceDataSet.Shipped.Versions[0].Catalogue;

    [Fact]
    public void There_are_11_categories_numbered_1_to_11()
    {
        Assert.Equal(11, Catalogue.Categories.Count);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                     Catalogue.Categories.Select(c => c.Code));
        Assert.All(Catalogue.Categories, c => Assert.EndsWith("作业", c.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void The_item_count_equals_the_rows_of_the_embedded_catalogue()
    {
        var rows = ReferenceFiles.EmbeddedRows("catalogue.csv");
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, Catalogue.Items.Count);
        Assert.Equal(rows.Select(r => r[2]), Catalogue.Items.Select(i => i.Code));
        Assert.Equal(rows.Select(r => r[3]), Catalogue.Items.Select(i => i.Name));
    }

    [Fact]
    public void The_embedded_catalogue_is_a_verbatim_copy_of_the_vendored_reference_data()
    {
        var vendored = ReferenceFiles.VendoredText("catalogue.csv");
        Assert.NotEmpty(ReferenceFiles.Rows(vendored));
        Assert.Equal(ReferenceFiles.Rows(vendored).Select(r => string.Join(',', r)),
                     ReferenceFiles.EmbeddedRows("catalogue.csv").Select(r => string.Join(',', r)));
    }

    [Fact]
    public void Item_codes_are_unique_and_prefixed_by_their_category()
    {
        Assert.Equal(Catalogue.Items.Count, Catalogue.Items.Select(i => i.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Catalogue.Items, i =>
        {
            Assert.StartsWith(i.CategoryCode + ".", i.Code, StringComparison.Ordinal);
            Assert.NotNull(Catalogue.FindCategory(i.CategoryCode));
        });
    }

    [Fact]
    public void Every_category_has_at_least_one_item_and_the_items_partition_the_catalogue()
    {
        Assert.All(Catalogue.Categories, c => Assert.NotEmpty(Catalogue.ItemsOf(c.Code)));
        Assert.Equal(Catalogue.Items.Count, Catalogue.Categories.Sum(c => Catalogue.ItemsOf(c.Code).Count()));
    }

    [Theory]
    [InlineData("1.1", "高压电工作业", "1", "电工作业")]
    [InlineData("1.2", "低压电工作业", "1", "电工作业")]
    [InlineData("2.1", "熔化焊接与热切割作业", "2", "焊接与热切割作业")]
    public void Known_items_are_found(string itemCode, string itemName, string categoryCode, string categoryName)
    {
        var item = Catalogue.FindItem(itemCode);
        Assert.NotNull(item);
        Assert.Equal(itemName, item.Name);
        Assert.Equal(categoryCode, item.CategoryCode);
        Assert.Equal(categoryName, Catalogue.FindCategory(categoryCode)?.Name);
    }

    [Theory]
    [InlineData("1.1", "1", true)]
    [InlineData("1.2", "1", true)]
    [InlineData("2.1", "2", true)]
    [InlineData("1.1", "2", false)]
    [InlineData("2.1", "1", false)]
    [InlineData("99.1", "99", false)] // unknown item
    [InlineData("1.99", "1", false)]
    [InlineData("1", "1", false)]     // a category is not an item
    public void ItemBelongsTo_is_true_only_for_an_item_of_that_category(string itemCode, string categoryCode, bool expected)
    {
        Assert.Equal(expected, Catalogue.ItemBelongsTo(itemCode, categoryCode));
    }

    [Fact]
    public void ItemBelongsTo_agrees_with_the_reference_rows_for_every_pair()
    {
        var rows = ReferenceFiles.EmbeddedRows("catalogue.csv");
        foreach (var row in rows)
            foreach (var category in Catalogue.Categories)
                Assert.Equal(row[0] == category.Code, Catalogue.ItemBelongsTo(row[2], category.Code));
    }

    [Fact]
    public void The_current_catalogue_knows_every_item_of_every_shipped_version()
    {
        foreach (var version in Core.ReferenceData.ReferenceDataSet.Shipped.Versions)
            Assert.All(version.Catalogue.Items, i => Assert.Equal(i.Name, OperationCatalogue.Current.FindItem(i.Code)?.Name));
        Assert.Equal("电力电缆作业", OperationCatalogue.Current.ItemName("1.4"));
    }

    [Fact]
    public void Unknown_codes_are_not_found()
    {
        Assert.Null(Catalogue.FindItem("0.0"));
        Assert.Null(Catalogue.FindItem(null));
        Assert.Null(Catalogue.FindCategory("12"));
        Assert.Null(Catalogue.FindCategory(null));
        Assert.Empty(Catalogue.ItemsOf("12"));
    }
}
