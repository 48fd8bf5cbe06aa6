using CertGuard.Core.Regions;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Regions;

public sealed class RegionDirectoryTests
{
    private static readonly RegionDirectory Guangdong = RegionDirectory.Guangdong;

    [Fact]
    public void Guangdong_has_21_prefecture_level_cities()
    {
        Assert.Equal(21, Guangdong.Cities.Count);
        Assert.All(Guangdong.Cities, c => Assert.Equal(RegionLevel.City, c.Level));
        Assert.Equal(21, Guangdong.Cities.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(21, Guangdong.Cities.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_province_is_440000()
    {
        Assert.Equal("440000", Guangdong.Province.Code);
        Assert.Equal("广东省", Guangdong.Province.Name);
        Assert.Equal(RegionLevel.Province, Guangdong.Province.Level);
        Assert.DoesNotContain(Guangdong.Cities, c => c.Code == "440000");
    }

    [Fact]
    public void Every_city_code_is_a_Guangdong_prefecture_code()
    {
        // GB/T 2260: province 44, a non-zero prefecture pair, county pair 00.
        Assert.All(Guangdong.Cities, c =>
        {
            Assert.Matches("^44\\d\\d00$", c.Code);
            Assert.NotEqual("00", c.Code.Substring(2, 2));
            Assert.EndsWith("市", c.Name, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(c.NameEn));
        });
    }

    [Theory]
    [InlineData("440100", "广州市", "Guangzhou")]
    [InlineData("440300", "深圳市", "Shenzhen")]
    [InlineData("440600", "佛山市", "Foshan")]
    [InlineData("441900", "东莞市", "Dongguan")]
    [InlineData("442000", "中山市", "Zhongshan")]
    [InlineData("445300", "云浮市", "Yunfu")]
    public void Known_cities_are_found_by_code(string code, string name, string nameEn)
    {
        var city = Guangdong.Find(code);
        Assert.NotNull(city);
        Assert.Equal(name, city.Name);
        Assert.Equal(nameEn, city.NameEn);
        Assert.Equal(RegionLevel.City, city.Level);
        Assert.Equal(name, Guangdong.NameOf(code));
    }

    [Theory]
    [InlineData("440300", true)]
    [InlineData("440100", true)]
    [InlineData("445300", true)]
    [InlineData("440000", false)] // the province is not a city
    [InlineData("110100", false)] // Beijing, not in Guangdong
    [InlineData("440306", false)] // a district of Shenzhen, not a prefecture
    [InlineData("449900", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsCity_is_true_only_for_the_21_cities(string? code, bool expected)
    {
        Assert.Equal(expected, Guangdong.IsCity(code));
        Assert.Equal(expected, Guangdong.Cities.Any(c => c.Code == code));
    }

    [Fact]
    public void Unknown_codes_are_not_found_and_keep_their_code_as_name()
    {
        Assert.Null(Guangdong.Find("999999"));
        Assert.Null(Guangdong.Find(null));
        Assert.Equal("999999", Guangdong.NameOf("999999"));
        Assert.Equal("", Guangdong.NameOf(null));
    }

    [Fact]
    public void The_directory_holds_exactly_the_rows_of_the_reference_file()
    {
        var rows = ReferenceFiles.EmbeddedRows("cities.csv");
        Assert.Equal(rows.Count, Guangdong.Cities.Count + 1);
        foreach (var row in rows)
        {
            var region = Guangdong.Find(row[0]);
            Assert.NotNull(region);
            Assert.Equal(row[1], region.Name);
            Assert.Equal(row[2], region.NameEn);
        }
    }

    [Fact]
    public void The_embedded_cities_are_a_verbatim_copy_of_the_vendored_reference_data()
    {
        var vendored = ReferenceFiles.VendoredText("cities.csv");
        Assert.NotEmpty(ReferenceFiles.Rows(vendored));
        Assert.Equal(ReferenceFiles.Rows(vendored).Select(r => string.Join(',', r)),
                     ReferenceFiles.EmbeddedRows("cities.csv").Select(r => string.Join(',', r)));
    }

    [Fact]
    public void Guangdong_is_a_valid_id_province_and_its_city_codes_start_with_it()
    {
        Assert.True(ProvinceCodes.IsValid("44"));
        Assert.Equal("广东省", ProvinceCodes.NameOf("44"));
        Assert.All(Guangdong.Cities, c => Assert.True(ProvinceCodes.IsValid(c.Code[..2])));
    }

    [Fact]
    public void The_national_province_list_has_the_34_divisions_plus_the_Taiwan_permit_prefix()
    {
        // 23 provinces (incl. Taiwan), 5 autonomous regions, 4 municipalities, 2 SARs = 34; plus 83.
        Assert.Equal(35, ProvinceCodes.All.Count);
        Assert.False(ProvinceCodes.IsValid("00"));
        Assert.False(ProvinceCodes.IsValid("99"));
        Assert.Null(ProvinceCodes.NameOf("99"));
    }
}
