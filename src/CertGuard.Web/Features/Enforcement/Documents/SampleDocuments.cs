using CertGuard.Core.Enforcement.Documents;

namespace CertGuard.Web.Features.Enforcement.Documents;

/// <summary>
/// A filled-in example of each document kind, numbered as 广州市应急管理局 would number it: shown at
/// /enforcement/documents/sample/{kind} so the A4 layout and the .docx can be checked before real cases exist.
/// Every name in it is invented.
/// </summary>
public static class SampleDocuments
{
    public const string AuthorityName = "广州市应急管理局";

    public const string CityCode = "440100";

    public const int SampleSequence = 12;

    public static OfficialDocument For(CaseDocumentKind kind, DateOnly date)
    {
        var info = CaseDocumentKinds.Of(kind);
        var pattern = DocumentNumberPattern.ForCity(CityCode)!;
        var number = pattern.Format(kind, date.Year, SampleSequence);
        return kind == CaseDocumentKind.PenaltyDecision ? Decision(number, date) : Generic(info, number, date);
    }

    private static OfficialDocument Decision(string number, DateOnly date) => new(
        CaseDocumentKind.PenaltyDecision,
        AuthorityName,
        number,
        "行政处罚决定书",
        date,
        "广州示例机电设备制造有限公司",
        [
            new("当事人", "广州示例机电设备制造有限公司"),
            new("统一社会信用代码", "91440101MA5EXAMPLE"),
            new("地址", "广州市天河区示例路1号"),
            new("法定代表人", "张某某"),
            new("案由", "使用未取得特种作业操作证的人员从事焊接与热切割作业"),
        ],
        [
            "经查，你单位于" + $"{date.Year}年" + "使用未取得特种作业操作证的人员李某某从事焊接与热切割作业，上述事实有现场检查记录、询问笔录、证据照片等证据证实。",
            "你单位的上述行为违反了《中华人民共和国安全生产法》第三十条第一款的规定，依据《中华人民共和国安全生产法》（2021年修正）第九十七条第（七）项的规定，参照自由裁量基准（初次违法、涉及1名作业人员），本机关决定对你单位处以人民币贰万元整（¥20,000）罚款。",
            "罚款自收到本决定书之日起十五日内缴至指定银行。逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额。",
        ],
        "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。行政复议或者行政诉讼期间，本决定不停止执行。");

    private static OfficialDocument Generic(CaseDocumentKindInfo info, string number, DateOnly date) => new(
        info.Kind,
        AuthorityName,
        number,
        info.Title,
        date,
        info.Kind is CaseDocumentKind.PenaltyNotice or CaseDocumentKind.HearingNotice or CaseDocumentKind.ServiceReceipt
            ? "广州示例机电设备制造有限公司" : null,
        [
            new("案件名称", "广州示例机电设备制造有限公司使用无证特种作业人员案"),
            new("案由", "使用未取得特种作业操作证的人员从事特种作业"),
            new("承办人", "王某某、赵某某"),
        ],
        [$"（{info.Title}示例正文。）"],
        null);
}
