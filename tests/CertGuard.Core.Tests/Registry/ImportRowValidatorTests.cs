using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Registry.Import;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Registry;

/// <summary>One row of an import file checked cell by cell: what passes, and the row, column and code of what does not.</summary>
public sealed class ImportRowValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Guid Guangzhou = Guid.Parse("0190b0b0-0000-7000-8000-0000000000a1");
    private static readonly string Holder = IdNumbers.Make("440106", new DateOnly(1985, 5, 20), 123); // odd sequence: male

    private static readonly Dictionary<ImportColumn, object?> Good = new()
    {
        [ImportColumn.Number] = "T" + Holder,
        [ImportColumn.Name] = "张三",
        [ImportColumn.Sex] = "男",
        [ImportColumn.Category] = "电工作业",
        [ImportColumn.Item] = "1.2",
        [ImportColumn.FirstIssuedOn] = "2020-05-18",
        [ImportColumn.ValidFrom] = "2020/5/18",
        [ImportColumn.ValidTo] = "2026年5月17日",
        [ImportColumn.NextReviewDue] = "",
        [ImportColumn.Authority] = "广州市",
        [ImportColumn.Status] = "",
        [ImportColumn.StatusDate] = "-",
        [ImportColumn.StatusReason] = "",
    };

    [Fact]
    public void A_good_row_becomes_the_certificate_it_describes()
    {
        var (record, issues) = Validate(Good);

        Assert.Empty(issues);
        Assert.NotNull(record);
        Assert.Equal(Holder, record.Holder.Value);
        Assert.Equal("1.2", record.ItemCode);
        Assert.Equal(new DateOnly(2020, 5, 18), record.ValidFrom);
        Assert.Equal(new DateOnly(2026, 5, 17), record.ValidTo);
        Assert.Equal(new DateOnly(2023, 5, 18), record.NextReviewDue); // valid from + 3 years
        Assert.Equal("440100", record.RegionCode);
        Assert.Equal(Guangzhou, record.IssuingAuthorityId);
        Assert.Equal(CertificateStatus.Active, record.Status);
    }

    [Theory]
    [InlineData("艾力·买买提")]
    [InlineData("艾力.买买提")]
    [InlineData("艾力∙买买提")]
    [InlineData("艾力・买买提")]
    public void Transcribed_names_are_accepted_with_any_form_of_the_middle_dot(string name)
    {
        var (record, issues) = Validate(new Dictionary<ImportColumn, object?>(Good) { [ImportColumn.Name] = name });

        Assert.Empty(issues);
        Assert.Equal(name, record!.HolderName);
    }

    [Theory]
    [InlineData(ImportColumn.Number, "WRONG-CHECK", "证号", "ID-CHECK")]
    [InlineData(ImportColumn.Number, "", "证号", "IMPORT-REQUIRED")]
    [InlineData(ImportColumn.Number, "4401**********1230", "证号", "IMPORT-ID-MASKED")]
    [InlineData(ImportColumn.Name, "张三1", "姓名", "IMPORT-NAME-CHARACTERS")]
    [InlineData(ImportColumn.Name, "张\u202E三", "姓名", "IMPORT-NAME-CHARACTERS")]
    [InlineData(ImportColumn.Name, "艾力●买买提", "姓名", "IMPORT-NAME-CHARACTERS")]
    [InlineData(ImportColumn.Name, "=HYPERLINK(\"http://x\")", "姓名", "IMPORT-FORMULA-TEXT")]
    [InlineData(ImportColumn.Name, "@SUM(A1)", "姓名", "IMPORT-FORMULA-TEXT")]
    [InlineData(ImportColumn.Name, "张\uFFFD", "姓名", "IMPORT-GARBLED")]
    [InlineData(ImportColumn.Sex, "女", "性别", "IMPORT-SEX-MISMATCH")]
    [InlineData(ImportColumn.Sex, "未知", "性别", "IMPORT-SEX")]
    [InlineData(ImportColumn.Category, "潜水作业", "作业类别", "IMPORT-CATEGORY-UNKNOWN")]
    [InlineData(ImportColumn.Item, "9.99", "操作项目", "IMPORT-ITEM-UNKNOWN")]
    [InlineData(ImportColumn.Item, "熔化焊接与热切割作业", "操作项目", "IMPORT-ITEM-CATEGORY")]
    [InlineData(ImportColumn.FirstIssuedOn, "2020-13-01", "初领日期", "IMPORT-DATE")]
    [InlineData(ImportColumn.FirstIssuedOn, "2027-01-01", "初领日期", "IMPORT-DATE-FUTURE")]
    [InlineData(ImportColumn.FirstIssuedOn, "2002-01-01", "初领日期", "IMPORT-UNDER-AGE")]
    [InlineData(ImportColumn.ValidFrom, "2020-05-17", "有效期起", "IMPORT-DATE-ORDER")]
    [InlineData(ImportColumn.ValidTo, "2020-05-01", "有效期止", "IMPORT-DATE-ORDER")]
    [InlineData(ImportColumn.ValidTo, "2026-05-19", "有效期止", "IMPORT-VALIDITY-LENGTH")]
    [InlineData(ImportColumn.NextReviewDue, "2027-01-01", "下次复审日期", "IMPORT-DATE-ORDER")]
    [InlineData(ImportColumn.Authority, "北京市", "发证机关", "IMPORT-CITY-UNKNOWN")]
    [InlineData(ImportColumn.Authority, "深圳市", "发证机关", "IMPORT-CITY-SCOPE")]
    [InlineData(ImportColumn.Status, "作废", "状态", "IMPORT-STATUS")]
    [InlineData(ImportColumn.Status, "已撤销", "状态日期", "IMPORT-STATUS-DATE-REQUIRED")]
    public void Each_bad_cell_is_reported_once_with_its_row_column_and_code(ImportColumn column, string value, string header, string code)
    {
        var cells = new Dictionary<ImportColumn, object?>(Good)
        {
            [column] = value == "WRONG-CHECK" ? IdNumbers.WithWrongCheck(Holder) : value,
        };

        var (record, issues) = Validate(cells, scope: "440100");

        Assert.Null(record);
        var issue = Assert.Single(issues);
        Assert.Equal(7, issue.Row);
        Assert.Equal(header, issue.Column);
        Assert.Equal(code, issue.Code);
        Assert.True(issue.Message.Any(c => c is >= '\u4E00' and <= '\u9FFF'), issue.Message);
    }

    [Fact]
    public void Several_bad_cells_of_one_row_are_all_reported()
    {
        var cells = new Dictionary<ImportColumn, object?>(Good) { [ImportColumn.Item] = "9.99", [ImportColumn.Authority] = "", [ImportColumn.Name] = "" };

        var (_, issues) = Validate(cells);

        Assert.Equal(["发证机关", "姓名", "操作项目"], issues.Select(i => i.Column!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_spreadsheet_number_in_the_id_column_has_lost_digits_and_is_refused()
    {
        var cells = new Dictionary<ImportColumn, object?>(Good) { [ImportColumn.Number] = 4.40106198505201E+17 };

        var (_, issues) = Validate(cells);

        Assert.Equal("IMPORT-ID-NUMERIC", Assert.Single(issues).Code);
    }

    [Fact]
    public void An_item_code_stored_as_a_number_is_refused_when_it_could_be_two_items()
    {
        // 5.10 stored as a number reads back 5.1: both are items of the catalogue.
        var ambiguous = new Dictionary<ImportColumn, object?>(Good) { [ImportColumn.Category] = "5", [ImportColumn.Item] = 5.1 };
        var plain = new Dictionary<ImportColumn, object?>(Good) { [ImportColumn.Category] = 1d, [ImportColumn.Item] = 1.2 };

        Assert.Equal("IMPORT-ITEM-AMBIGUOUS", Assert.Single(Validate(ambiguous).Issues).Code);
        Assert.Equal("1.2", Validate(plain).Record?.ItemCode);
    }

    [Fact]
    public void A_formula_cell_is_refused_even_when_its_value_would_pass()
    {
        var row = Row(Good, formulaColumns: 1 << (int)ImportColumn.Name);

        var issues = new List<ImportIssue>();
        Assert.Null(Validator(null).Validate(row, issues));
        Assert.Equal(("姓名", "IMPORT-FORMULA"), (Assert.Single(issues).Column, issues[0].Code));
    }

    [Fact]
    public void Spreadsheet_dates_and_serial_numbers_are_read_as_dates()
    {
        var cells = new Dictionary<ImportColumn, object?>(Good)
        {
            [ImportColumn.FirstIssuedOn] = new DateTime(2020, 5, 18),
            [ImportColumn.ValidFrom] = 43969d, // 2020-05-18
            [ImportColumn.ValidTo] = "20260517",
        };

        var record = Validate(cells).Record;

        Assert.Equal((new DateOnly(2020, 5, 18), new DateOnly(2020, 5, 18), new DateOnly(2026, 5, 17)), (record!.FirstIssuedOn, record.ValidFrom, record.ValidTo));
    }

    [Fact]
    public void A_revocation_for_fraud_carries_its_date_and_reason_and_bars_a_new_application()
    {
        var cells = new Dictionary<ImportColumn, object?>(Good)
        {
            [ImportColumn.Status] = "已撤销", [ImportColumn.StatusDate] = "2024-03-01", [ImportColumn.StatusReason] = "以欺骗、贿赂等不正当手段取得",
        };

        var record = Validate(cells).Record!;
        var certificate = Certificate.Import(record, "importer", "note", CertificateRules.Order30, FixedClock.AtChinaNoon(Today));

        Assert.Equal((CertificateStatus.Revoked, "FraudOrBribery"), (record.Status, record.StatusReason));
        Assert.Equal(new DateOnly(2027, 3, 1), certificate.ReapplicationBarredUntil);
        Assert.Equal(CertificateState.Revoked, certificate.StateOn(Today));
        var step = Assert.Single(certificate.History);
        Assert.Equal((CertificateEventKind.Imported, Today, "note"), (step.Kind, step.EffectiveOn, step.Details));
    }

    [Fact]
    public void Overdue_is_invalid_from_the_day_after_the_review_fell_due_and_refused_before_it()
    {
        var overdue = new Dictionary<ImportColumn, object?>(Good) { [ImportColumn.Status] = "逾期未复审" };
        var notYet = new Dictionary<ImportColumn, object?>(overdue) { [ImportColumn.NextReviewDue] = "2026-05-17" };
        notYet[ImportColumn.ValidFrom] = "2021-01-01";
        notYet[ImportColumn.ValidTo] = "2026-12-31";
        notYet[ImportColumn.NextReviewDue] = "2026-12-31";

        var record = Validate(overdue).Record!;

        Assert.Equal((CertificateStatus.Invalid, new DateOnly(2023, 5, 19)), (record.Status, record.StatusChangedOn));
        Assert.Equal("IMPORT-STATUS-NOT-DUE", Assert.Single(Validate(notYet).Issues).Code);
    }

    [Fact]
    public void A_reason_that_does_not_fit_the_status_is_refused()
    {
        var cells = new Dictionary<ImportColumn, object?>(Good)
        {
            [ImportColumn.Status] = "已注销", [ImportColumn.StatusDate] = "2024-03-01", [ImportColumn.StatusReason] = "健康体检不合格",
        };

        Assert.Equal(("状态原因", "IMPORT-REASON"), (Assert.Single(Validate(cells).Issues).Column, Validate(cells).Issues[0].Code));
    }

    [Fact]
    public void A_city_without_a_registered_authority_is_refused()
    {
        var validator = new ImportRowValidator(Header(), new ImportContext(CertificateRules.Order30, Today, null, _ => null));
        var issues = new List<ImportIssue>();

        Assert.Null(validator.Validate(Row(Good), issues));
        Assert.Equal("IMPORT-AUTHORITY-MISSING", Assert.Single(issues).Code);
    }

    [Fact]
    public void Headers_are_found_by_their_other_names_and_missing_ones_are_named()
    {
        var header = ImportHeader.Read(["身份证号码", "*姓名", "作业类别", "准操项目（必填）", "初次领证日期", "有效期起", "有效期至", "发证机关", "工作单位"], out var issues);

        Assert.Empty(issues);
        Assert.Equal("身份证号码", header.NameOf(ImportColumn.Number));
        Assert.False(header.Has(ImportColumn.Status));

        ImportHeader.Read(["证号", "姓名", "证号"], out var missing);
        Assert.Contains(missing, i => i.Code == "IMPORT-COLUMN-DUPLICATE" && i.Row == 1);
        Assert.Contains(missing, i => i.Code == "IMPORT-COLUMN-MISSING" && i.Column == "操作项目");
    }

    [Fact]
    public void The_same_certificate_twice_is_found_by_its_number_and_item()
    {
        var keys = new ImportKeys();
        var holder = ResidentIdNumber.Parse(Holder, Today);
        var other = ResidentIdNumber.Parse(IdNumbers.Make("440106", new DateOnly(1985, 5, 20), 125), Today);

        Assert.Null(keys.Add(holder, "1.2", 2));
        Assert.Null(keys.Add(holder, "1.1", 3));
        Assert.Null(keys.Add(other, "1.2", 4));
        Assert.Equal(2, keys.Add(holder, "1.2", 9));
    }

    private static (RecordedCertificate? Record, List<ImportIssue> Issues) Validate(Dictionary<ImportColumn, object?> cells, string? scope = null)
    {
        var issues = new List<ImportIssue>();
        return (Validator(scope).Validate(Row(cells), issues), issues);
    }

    private static ImportRowValidator Validator(string? scope) =>
        new(Header(), new ImportContext(CertificateRules.Order30, Today, scope, city => city == "440100" ? Guangzhou : Guid.NewGuid()));

    private static ImportHeader Header() => ImportHeader.Read(ImportColumns.All.Select(c => c.Header).ToList(), out _);

    private static ImportRow Row(Dictionary<ImportColumn, object?> cells, int formulaColumns = 0) =>
        new(7, Enum.GetValues<ImportColumn>().Select(c => cells.GetValueOrDefault(c)).ToArray(), formulaColumns);
}
