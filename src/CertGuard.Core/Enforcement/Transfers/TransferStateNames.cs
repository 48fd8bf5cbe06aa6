namespace CertGuard.Core.Enforcement.Transfers;

/// <summary>The Chinese names of the states and reasons, for refusals and printed documents (pages use the strings table).</summary>
public static class TransferStateNames
{
    public static string ChineseName(this TransferState state) => state switch
    {
        TransferState.Reported => "待审批",
        TransferState.Refused => "负责人不同意移送",
        TransferState.Approved => "已批准待移送",
        TransferState.Transferred => "已移送待受理",
        TransferState.Accepted => "已受理待决定",
        TransferState.Filed => "公安已立案",
        TransferState.NotFiled => "公安不予立案",
        TransferState.ReconsiderationAsked => "已提请复议",
        TransferState.ProcuratorateAsked => "已提请检察院监督",
        _ => state.ToString(),
    };

    /// <summary>The suspected offence as the transfer letter names it (刑法第二百八十条).</summary>
    public static string Offence(this TransferReason reason) => reason switch
    {
        TransferReason.ForgedCertificate => "涉嫌伪造国家机关证件罪（伪造特种作业操作证）",
        TransferReason.AlteredCertificate => "涉嫌变造国家机关证件罪（涂改特种作业操作证）",
        TransferReason.SaleOfCertificates => "涉嫌买卖国家机关证件罪（买卖特种作业操作证）",
        _ => reason.ToString(),
    };

    public static string ChineseName(this FakeChannel channel) => channel switch
    {
        FakeChannel.Seller => "中间人/贩子",
        FakeChannel.Website => "假冒网站",
        FakeChannel.SocialAccount => "社交账号",
        FakeChannel.Printer => "印制窝点",
        _ => channel.ToString(),
    };
}
