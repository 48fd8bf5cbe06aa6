namespace CertGuard.Core.Registry.Import;

/// <summary>
/// Why a row (or the file) cannot be imported: the row as the spreadsheet numbers it (header = 1), the column's
/// header as the file writes it, a stable code and the reason in Chinese.
/// </summary>
public sealed record ImportIssue(int Row, string? Column, string Code, string Message);

/// <summary>The reasons the importer gives, each with a stable code.</summary>
public static class ImportErrors
{
    public const string ReapplyBarredCode = "IMPORT-REAPPLY-BARRED";

    public static ImportIssue Required(int row, string column) =>
        new(row, column, "IMPORT-REQUIRED", $"“{column}”不能为空。");

    public static ImportIssue Garbled(int row, string column) =>
        new(row, column, "IMPORT-GARBLED", "内容含乱码：文件编码无法识别。请在 Excel 或 WPS 中另存为“CSV UTF-8”或 GB18030/GBK 编码的 CSV，或直接上传 xlsx 文件。");

    public static ImportIssue Formula(int row, string column) =>
        new(row, column, "IMPORT-FORMULA", "该单元格是公式。请复制该列并“选择性粘贴为数值”后再导入。");

    public static ImportIssue FormulaText(int row, string column, char first) =>
        new(row, column, "IMPORT-FORMULA-TEXT", $"内容以“{first}”开头，电子表格会把它当作公式执行，已拒绝。");

    public static ImportIssue TooLong(int row, string column, int max) =>
        new(row, column, "IMPORT-TOO-LONG", $"内容超过{max}个字符。");

    public static ImportIssue NumberMasked(int row, string column) =>
        new(row, column, "IMPORT-ID-MASKED", "证号是脱敏形式（含*），无法导入：请使用含完整证号的文件。");

    public static ImportIssue NumberNumeric(int row, string column) =>
        new(row, column, "IMPORT-ID-NUMERIC", "证号被存成了数字，末几位已丢失。请在 Excel 中把该列设置为“文本”后重新填写。");

    public static ImportIssue Id(int row, string column, Holders.IdNumberError error) =>
        new(row, column, error.Code, error.Message);

    public static ImportIssue NameCharacters(int row, string column) =>
        new(row, column, "IMPORT-NAME-CHARACTERS", "姓名含有不应出现的字符（数字或符号）。");

    public static ImportIssue Sex(int row, string column, string text) =>
        new(row, column, "IMPORT-SEX", $"性别“{text}”无效：应为“男”或“女”。");

    public static ImportIssue SexMismatch(int row, string column) =>
        new(row, column, "IMPORT-SEX-MISMATCH", "性别与身份证号不符（身份证号第17位奇数为男，偶数为女）。");

    public static ImportIssue UnknownCategory(int row, string column, string text) =>
        new(row, column, "IMPORT-CATEGORY-UNKNOWN", $"作业类别“{text}”不在特种作业目录中。");

    public static ImportIssue UnknownItem(int row, string column, string text) =>
        new(row, column, "IMPORT-ITEM-UNKNOWN", $"操作项目“{text}”不在特种作业目录中。");

    public static ImportIssue ItemNotInForce(int row, string column, string item, DateOnly firstIssued, string catalogue) =>
        new(row, column, "IMPORT-ITEM-NOT-IN-FORCE", $"操作项目“{item}”不在{firstIssued:yyyy-MM-dd}施行的特种作业目录（{catalogue}）中，该日不能初领此项目证书。");

    public static ImportIssue AmbiguousItem(int row, string column, string text) =>
        new(row, column, "IMPORT-ITEM-AMBIGUOUS", $"操作项目被存成了数字 {text}，无法区分 {text} 与 {text}0。请填写项目名称，或把该列设置为“文本”。");

    public static ImportIssue ItemNotInCategory(int row, string column, string item, string category) =>
        new(row, column, "IMPORT-ITEM-CATEGORY", $"操作项目“{item}”不属于作业类别“{category}”。");

    public static ImportIssue Date(int row, string column, string text) =>
        new(row, column, "IMPORT-DATE", $"“{text}”不是有效日期，请写成 2020-05-18 的形式。");

    public static ImportIssue DateOrder(int row, string column, string rule) =>
        new(row, column, "IMPORT-DATE-ORDER", $"日期前后矛盾：{rule}。");

    public static ImportIssue DateFuture(int row, string column) =>
        new(row, column, "IMPORT-DATE-FUTURE", "日期晚于今天。");

    public static ImportIssue ValidFromTooLate(int row, string column, int days) =>
        new(row, column, "IMPORT-DATE-FUTURE", $"有效期起晚于今天起{days}天：只有在复审期内提前换证的证书，新有效期才会从以后的日期开始。");

    public static ImportIssue ValidityTooLong(int row, string column, int years) =>
        new(row, column, "IMPORT-VALIDITY-LENGTH", $"有效期超过{years}年。");

    public static ImportIssue UnderAge(int row, string column, int age) =>
        new(row, column, "IMPORT-UNDER-AGE", $"持证人初次领证时未满{age}周岁。");

    public static ImportIssue UnknownCity(int row, string column, string text) =>
        new(row, column, "IMPORT-CITY-UNKNOWN", $"发证机关“{text}”不是广东省的地级以上市。");

    public static ImportIssue CityOutOfScope(int row, string column, string city, string scope) =>
        new(row, column, "IMPORT-CITY-SCOPE", $"“{city}”的证书不在您的管辖范围内：您的账号只能导入{scope}的证书。");

    public static ImportIssue NoAuthority(int row, string column, string city) =>
        new(row, column, "IMPORT-AUTHORITY-MISSING", $"平台尚未登记{city}的发证机关，不能导入该市的证书。");

    public static ImportIssue Status(int row, string column, string text) =>
        new(row, column, "IMPORT-STATUS", $"状态“{text}”无效：应为有效、逾期未复审、复审不合格、已撤销或已注销。");

    public static ImportIssue StatusNotDue(int row, string column) =>
        new(row, column, "IMPORT-STATUS-NOT-DUE", "下次复审日期还没到，不能是“逾期未复审”。");

    public static ImportIssue StatusDateRequired(int row, string column, string status) =>
        new(row, column, "IMPORT-STATUS-DATE-REQUIRED", $"状态为“{status}”时必须填写状态日期。");

    public static ImportIssue Reason(int row, string column, string text, string status) =>
        new(row, column, "IMPORT-REASON", $"“{text}”不是“{status}”的原因（见导入说明中的原因列表）。");

    public static ImportIssue Duplicate(int row, string column, int firstRow) =>
        new(row, column, "IMPORT-DUPLICATE", $"与第{firstRow}行的证号和操作项目相同：同一持证人的同一操作项目只能有一本证书。");

    public static ImportIssue Conflict(int row, string column) =>
        new(row, column, "IMPORT-CONFLICT", "平台已登记该证号的同一操作项目，且内容与本行不同：导入不会覆盖已有证书，请通过证书办理功能变更。");

    public static ImportIssue ReapplyBarredSameItem(int row, string column, DateOnly until) =>
        new(row, column, ReapplyBarredCode,
            $"平台登记的该持证人该操作项目的证书已因以欺骗、贿赂等不正当手段取得或记载虚假信息被撤销，{until:yyyy-MM-dd}前不得再次申请；本行与被撤销的证书不同，不予导入。");

    public static ImportIssue ReapplyBarredIssuedInBar(int row, string column, DateOnly from, DateOnly until) =>
        new(row, column, ReapplyBarredCode,
            $"持证人的特种作业操作证已于{from:yyyy-MM-dd}因以欺骗、贿赂等不正当手段取得或记载虚假信息被撤销，{until:yyyy-MM-dd}前不得再次申请；本行证书的初领日期在此期间内，不予导入。");

    public static ImportIssue ColumnMissing(string column) =>
        new(1, column, "IMPORT-COLUMN-MISSING", $"缺少必填列“{column}”（表头在第1行）。");

    public static ImportIssue ColumnTwice(string column) =>
        new(1, column, "IMPORT-COLUMN-DUPLICATE", $"“{column}”列出现了两次。");

    public static ImportIssue NoRows() =>
        new(1, null, "IMPORT-EMPTY", "文件中没有数据行（第1行应为表头，数据从第2行开始）。");
}
