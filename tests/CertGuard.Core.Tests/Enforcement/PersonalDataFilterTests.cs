using CertGuard.Core;
using CertGuard.Core.Enforcement.TypicalCases;

namespace CertGuard.Core.Tests.Enforcement;

/// <summary>
/// The filter a typical case passes before it goes public: every kind of personal data it looks for is found, named in
/// a masked form (never whole), and removed by <see cref="PersonalDataFilter.Clean"/>; ordinary case text passes.
/// </summary>
public sealed class PersonalDataFilterTests
{
    private static readonly string[] NoNames = [];

    [Theory]
    [InlineData("持证人身份证号码440106199001011234。", PersonalDataKind.IdNumber)]
    [InlineData("证件号44010619900101123X已核实", PersonalDataKind.IdNumber)]
    [InlineData("证书编号T440106199001011234", PersonalDataKind.IdNumber)]
    [InlineData("15位旧证440106900101123", PersonalDataKind.IdNumber)]
    [InlineData("联系电话13812345678", PersonalDataKind.Phone)]
    [InlineData("手机 138 1234 5678", PersonalDataKind.Phone)]
    [InlineData("电话020-87654321", PersonalDataKind.Phone)]
    [InlineData("电话（020）87654321", PersonalDataKind.Phone)]
    [InlineData("住天河区天河路385号", PersonalDataKind.Address)]
    [InlineData("位于中山大道西8号", PersonalDataKind.Address)]
    [InlineData("该楼5栋1203室", PersonalDataKind.Address)]
    [InlineData("统一社会信用代码91440101MA5CXXXX1Y", PersonalDataKind.RegistrationCode)]
    [InlineData("注册号440101000993456", PersonalDataKind.RegistrationCode)]
    public void Each_kind_is_found(string text, PersonalDataKind kind)
    {
        var found = PersonalDataFilter.Find(text, NoNames);

        Assert.Contains(found, m => m.Kind == kind);
    }

    [Fact]
    public void A_full_name_of_a_party_is_found_and_reduced_to_the_surname()
    {
        var found = PersonalDataFilter.Find("张三持伪造证书上岗，欧阳明知情。", ["张三", "欧阳明", "李某"]);

        Assert.Equal([PersonalDataKind.Name, PersonalDataKind.Name], found.Select(f => f.Kind));
        Assert.Equal("张某（全名）", found[0].Masked);
        Assert.Equal("欧阳某", PersonalDataFilter.Reduce("欧阳明"));
        Assert.Equal("张某持伪造证书上岗，欧阳某知情。", PersonalDataFilter.Clean("张三持伪造证书上岗，欧阳明知情。", ["张三", "欧阳明"]));
    }

    [Fact]
    public void The_refusal_names_what_matched_without_echoing_it()
    {
        const string id = "440106199001011234";

        var refusal = Assert.Throws<DomainRuleException>(() => PersonalDataFilter.Require($"陈某的身份证号为{id}，电话13812345678。", NoNames));

        Assert.Equal("PUBLICATION-PERSONAL-DATA", refusal.Code);
        var found = Assert.IsType<string>(refusal.Arguments["found"]);
        Assert.Contains("身份证号码 440*************34", found, StringComparison.Ordinal);
        Assert.Contains("电话号码 138******78", found, StringComparison.Ordinal);
        Assert.DoesNotContain(id, found, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", found, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleaning_removes_every_number_and_address_so_the_text_passes()
    {
        const string text = "陈某（身份证号440106199001011234，电话13812345678，住天河路385号），所在单位信用代码91440101MA5CXXXX1Y。";

        var cleaned = PersonalDataFilter.Clean(text, NoNames);

        Assert.Empty(PersonalDataFilter.Find(cleaned, NoNames));
        Assert.Contains(PersonalDataFilter.Removed, cleaned, StringComparison.Ordinal);
        Assert.StartsWith("陈某（身份证号", cleaned, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026年3月15日，广州市应急管理部门依法查处某建筑公司使用伪造特种作业操作证案。")]
    [InlineData("对该公司处以警告并罚款20000元；对陈某、黄某分别罚款2000元（《安全生产法》第九十七条第七项）。")]
    [InlineData("穗应急罚〔2026〕12号决定书已送达，证号4401**********123X已注销。")]
    [InlineData("2名电工持伪造证书上岗，构成重大事故隐患。")]
    public void Ordinary_case_text_passes(string text)
    {
        Assert.Empty(PersonalDataFilter.Find(text, ["张三"]));
        PersonalDataFilter.Require(text, ["张三"]);
    }

    [Fact]
    public void A_typical_case_is_refused_at_every_step_while_it_holds_personal_data()
    {
        var at = new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);
        var typical = new TypicalCase(Guid.NewGuid(), "440100", new DateOnly(2026, 9, 30), "持伪造证书上岗案", "张三持伪造证书上岗，身份证号440106199001011234。", "罚款2000元。", "gz.inspector", at);
        string[] names = ["张三"];

        var refusal = Assert.Throws<DomainRuleException>(() => typical.Submit(names, at));
        Assert.Equal("PUBLICATION-PERSONAL-DATA", refusal.Code);
        Assert.Equal(TypicalCaseState.Draft, typical.State);

        typical.Edit("持伪造证书上岗案", "张某持伪造证书上岗。", "罚款2000元。", at);
        typical.Submit(names, at);
        typical.ApproveByCity(names, "gz.office", at);
        typical.Publish(names, "gd.province", at.AddHours(1));
        Assert.Equal((TypicalCaseState.Published, at.AddHours(1)), (typical.State, typical.PublishedAt!.Value));

        Assert.Equal("TYPICAL-CASE-REASON-REQUIRED", Assert.Throws<DomainRuleException>(() => typical.Withdraw(" ", "gd.province", at)).Code);
        typical.Withdraw("当事人已提起行政复议", "gd.province", at.AddDays(1));
        Assert.Equal((TypicalCaseState.Withdrawn, "gd.province", "当事人已提起行政复议"), (typical.State, typical.WithdrawnBy, typical.WithdrawalReason));
    }
}
