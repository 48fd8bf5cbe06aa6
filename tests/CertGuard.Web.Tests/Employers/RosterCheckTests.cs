using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CertGuard.Core.Registry.Import;
using CertGuard.Core.Verification;
using CertGuard.Data.Verification;
using CertGuard.Testing;
using CertGuard.Web.Tests.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Employers;

/// <summary>
/// Employers' self-check through the real pipeline. This part: a roster upload gets one verdict per good row and a
/// reason per bad row, in UTF-8, GB18030 and xlsx; the rate per position and overall; a fixed worker takes it to
/// 100 %; the checks feed the verification log and its signals. (The class is one app per provider: see the other part.)
/// </summary>
public abstract partial class EmployerSelfCheckTests(CertGuardApp app)
{
    [Fact]
    public async Task Every_verdict_and_every_bad_row_kind_from_a_utf8_csv()
    {
        var employer = await app.NewEmployerAsync();
        await employer.DefineAsync("电工", "1.1", "1.2");
        var valid = await app.IssueOneAsync("1.1");
        var wrongItem = await app.IssueOneAsync("2.1");
        var overdue = await app.IssueOneAsync("1.1", yearsAgo: 3.2);
        var expired = await app.IssueOneAsync("1.1", yearsAgo: 6.3);
        var revoked = await app.IssueOneAsync("1.1", revoke: true);
        var borrowed = await app.IssueOneAsync("1.1");
        var anyItem = await app.IssueOneAsync("2.1");
        var unknown = app.NewHolder().Value;
        var badCheck = unknown[..17] + (unknown[17] == '1' ? '2' : '1');
        List<string> lines =
        [
            RosterArrangement.Header,
            RosterArrangement.Line(valid, "电工"), RosterArrangement.Line(wrongItem, "电工"), RosterArrangement.Line(overdue, "电工"),
            RosterArrangement.Line(expired, "电工"), RosterArrangement.Line(revoked, "电工"), $"王某某,{unknown},电工",
            $"冒名顶替,{borrowed.Number},电工", $"赵六,{badCheck},电工", RosterArrangement.Line(anyItem),
            RosterArrangement.Line(valid, "电工"), $"钱七,{app.NewHolder().Value},叉车司机", $"=1+1,{valid.Number},电工", "张三", "李四,,电工",
        ];

        var check = await employer.CheckAsync(ImportFiles.Utf8(lines));

        var rows = check.ByRow();
        Assert.Equal(Enumerable.Range(2, 14), rows.Keys.Order());
        string[] expected = ["valid", "wrong-item", "review-overdue", "expired", "revoked", "not-found", "name-mismatch", "bad-id", "valid",
            "bad-row", "bad-row", "bad-row", "bad-row", "bad-row"];
        Assert.Equal(expected, Enumerable.Range(2, 14).Select(r => rows[r].Verdict()));
        Assert.All(rows.Values, r => Assert.True(Http.HasChinese(r.Reason())));
        Assert.Contains("第2行", rows[11].Reason());
        Assert.Contains("叉车司机", rows[12].Reason());
        Assert.Contains("公式", rows[13].Reason());
        Assert.Contains("列", rows[14].Reason());
        Assert.Contains("证件号码为空", rows[15].Reason());
        Assert.Contains("校验", rows[9].Reason());
        Assert.DoesNotContain(borrowed.HolderName, rows[8].Reason());
        Assert.DoesNotContain(valid.Number, rows[2].GetProperty("maskedNumber").GetString());

        var summary = check.GetProperty("summary");
        Assert.Equal((14, 9, 2, 5), (summary.GetProperty("rows").GetInt32(), summary.GetProperty("workers").GetInt32(),
            summary.GetProperty("compliant").GetInt32(), summary.GetProperty("badRows").GetInt32()));
        Assert.Equal(22.2m, summary.GetProperty("rate").GetDecimal());
        var positions = check.GetProperty("positions").EnumerateArray().ToDictionary(p => p.GetProperty("position").GetString() ?? "");
        Assert.Equal((8, 1, 12.5m), (positions["电工"].GetProperty("workers").GetInt32(), positions["电工"].GetProperty("compliant").GetInt32(), positions["电工"].GetProperty("rate").GetDecimal()));
        Assert.Equal(100m, positions[""].GetProperty("rate").GetDecimal());
        Assert.Equal(7, check.GetProperty("rectificationOpened").GetInt32());
    }

    [Fact]
    public async Task A_200_row_gb18030_roster_loses_nothing_and_a_fixed_worker_takes_the_rate_to_100()
    {
        var employer = await app.NewEmployerAsync();
        await employer.DefineAsync("电工", "1.1", "1.2");
        await employer.DefineAsync("焊工", "2.1");
        var electricians = await app.IssueAsync(150, "1.1");
        var welders = await app.IssueAsync(40, "2.1");
        var climber = await app.IssueOneAsync("3.1");
        var spare = await app.IssueOneAsync("2.1");
        var lines = new List<byte[]> { Gb(RosterArrangement.Header) };
        lines.AddRange(electricians.Select(c => Gb(RosterArrangement.Line(c, "电工"))));
        lines.AddRange(welders.Select(c => Gb(RosterArrangement.Line(c, " 焊工 "))));
        lines.Add(Gb(RosterArrangement.Line(climber, "电工")));
        lines.Add(Gb(RosterArrangement.Line(spare)));
        lines.Add(Gb(RosterArrangement.Line(welders[0], "焊工")));
        lines.Add(Gb(RosterArrangement.Line(electricians[7], "电工")));
        lines.Add(Gb($"@SUM(A1),{electricians[8].Number},电工"));
        lines.Add(Gb("孙七,=2+3,电工"));
        lines.Add(Gb("周八"));
        lines.Add(Gb($"吴九,{app.NewHolder().Value},电工,多余"));
        lines.Add([.. Gb("郑"), 0xFF, 0x80, .. Gb($",{app.NewHolder().Value},电工")]);
        lines.Add(Gb($"冯十,{app.NewHolder().Value},钳工"));
        var file = lines.SelectMany(l => l.Concat("\r\n"u8.ToArray())).ToArray();

        var check = await employer.CheckAsync(file, "花名册GB18030.csv");

        var rows = check.ByRow();
        Assert.Equal(200, rows.Count);
        Assert.Equal(191, rows.Values.Count(r => r.Verdict() == "valid"));
        Assert.Equal("wrong-item", rows[192].Verdict());
        Assert.Equal(Enumerable.Range(194, 8), rows.Values.Where(r => r.Verdict() == "bad-row").Select(r => r.GetProperty("row").GetInt32()).Order());
        Assert.Contains("乱码", rows[200].Reason());
        Assert.Contains("钳工", rows[201].Reason());
        Assert.Contains("第9行", rows[195].Reason());
        Assert.Equal("焊工", rows[160].GetProperty("position").GetString());
        Assert.Equal(welders[0].HolderName, rows[152].GetProperty("name").GetString());
        var summary = check.GetProperty("summary");
        Assert.Equal((192, 191, 8), (summary.GetProperty("workers").GetInt32(), summary.GetProperty("compliant").GetInt32(), summary.GetProperty("badRows").GetInt32()));
        Assert.Equal(99.4m, summary.GetProperty("rate").GetDecimal());
        var items = await employer.Api.GetFromJsonAsync<JsonElement>("/api/v1/rectifications");
        var item = Assert.Single(items.EnumerateArray());
        Assert.Equal(("arrange-training", "open"), (item.GetProperty("requiredAction").GetString(), item.GetProperty("status").GetString()));

        // The worker passes the low-voltage exam: his new certificate is for one of the position's items.
        await app.IssueAsync(1, "1.2", holder: Core.Holders.ResidentIdNumber.Parse(climber.Number, app.Today()), name: climber.HolderName);
        var recheck = await employer.Api.PostAsync("/api/v1/roster/rechecks", null);
        Assert.Equal(HttpStatusCode.OK, recheck.StatusCode);
        var after = await recheck.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(100m, after.GetProperty("summary").GetProperty("rate").GetDecimal());
        Assert.Equal(1, after.GetProperty("rectificationResolved").GetInt32());
        Assert.Equal("valid", after.ByRow()[192].Verdict());
        var resolved = await employer.Api.GetFromJsonAsync<JsonElement>("/api/v1/rectifications?status=resolved");
        Assert.Equal(item.GetProperty("id").GetGuid(), Assert.Single(resolved.EnumerateArray()).GetProperty("id").GetGuid());

        var history = await employer.Api.GetFromJsonAsync<JsonElement>("/api/v1/roster/checks");
        Assert.Equal(RatesOverTime, history.EnumerateArray().Select(h => h.GetProperty("rate").GetDecimal()));
        var own = await employer.Api.GetFromJsonAsync<JsonElement>("/api/v1/compliance/employer");
        Assert.Equal(100m, own.GetProperty("current").GetProperty("summary").GetProperty("rate").GetDecimal());
        Assert.Equal(2, own.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task An_xlsx_roster_reports_a_formula_cell_and_checks_the_rest()
    {
        var employer = await app.NewEmployerAsync();
        var certificates = await app.IssueAsync(3, "1.1");
        List<string> lines = [RosterArrangement.Header, .. certificates.Select(c => RosterArrangement.Line(c))];

        var check = await employer.CheckAsync(ImportFiles.Xlsx(lines, "A3"), "名册.xlsx");

        var rows = check.ByRow();
        Assert.Equal(("valid", "bad-row", "valid"), (rows[2].Verdict(), rows[3].Verdict(), rows[4].Verdict()));
        Assert.Contains("公式", rows[3].Reason());
        Assert.Equal(100m, check.GetProperty("summary").GetProperty("rate").GetDecimal());
    }

    [Fact]
    public async Task Roster_checks_feed_the_log_and_one_certificate_on_two_rosters_raises_a_signal()
    {
        var first = await app.NewEmployerAsync();
        var second = await app.NewEmployerAsync();
        var shared = await app.IssueOneAsync("1.1");
        List<string> roster = [RosterArrangement.Header, RosterArrangement.Line(shared)];

        await first.CheckAsync(ImportFiles.Utf8(roster));
        await second.CheckAsync(ImportFiles.Gb18030(roster));
        await app.Services.GetRequiredService<VerificationLog>().StoredAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await using var db = app.SystemDb();
        var logged = await db.VerificationLog.AsNoTracking().Where(r => r.CertificateId == shared.Id && r.Channel == VerificationChannel.RosterCheck).ToListAsync();
        Assert.Equal(new[] { first.Id, second.Id }.Order(), logged.Select(r => r.OrganisationId!.Value).Order());
        Assert.All(logged, r => Assert.Equal((VerificationOutcome.Valid, "1.1"), (r.Outcome, r.ItemCode)));
        var signal = await db.Signals.AsNoTracking().SingleAsync(s => s.CertificateId == shared.Id && s.Kind == SignalKind.SharedAcrossEmployers);
        Assert.Contains(first.Name, signal.Evidence);
        Assert.Contains(second.Name, signal.Evidence);
    }

    [Fact]
    public async Task The_upload_page_shows_the_verdict_of_every_row()
    {
        var employer = await app.NewEmployerAsync();
        var worker = await app.IssueOneAsync("1.1");
        var browser = await app.SignedInClientAsync(employer.UserName, employer.Password);
        var page = await browser.GetStringAsync("/roster");
        Assert.Contains("data-testid=\"roster-form\"", page);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(CertGuardApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(ImportFiles.Utf8([RosterArrangement.Header, RosterArrangement.Line(worker), $"无名,{app.NewHolder().Value},"])), "Upload", "名册.csv" },
        };
        var posted = await browser.PostAsync("/roster", form);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"roster-results\"", html);
        Assert.Contains("data-row=\"2\" data-verdict=\"valid\"", html);
        Assert.Contains("data-row=\"3\" data-verdict=\"not-found\"", html);
        Assert.Contains("data-rate=\"50", html);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/rectifications")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/roster/positions")).StatusCode);
    }

    [Fact]
    public async Task The_templates_carry_the_chinese_header_and_only_employers_check_rosters()
    {
        var employer = await app.NewEmployerAsync();
        var csv = await employer.Api.GetByteArrayAsync("/api/v1/roster/template?format=csv");
        Assert.StartsWith(RosterArrangement.Header, Encoding.UTF8.GetString(csv).TrimStart('\uFEFF'));
        var xlsx = await employer.Api.GetAsync("/api/v1/roster/template");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        var office = app.ApiClient(Core.Accounts.Role.CityOffice.Id);
        await (await office.UploadAsync(ImportFiles.Utf8([RosterArrangement.Header]))).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await employer.Api.UploadAsync(Encoding.UTF8.GetBytes("名字,电话\n张三,123\n"))).AssertProblemAsync(HttpStatusCode.BadRequest, "ROSTER-HEADER");
        await (await employer.Api.UploadAsync(ImportFiles.Utf8([RosterArrangement.Header]))).AssertProblemAsync(HttpStatusCode.BadRequest, "ROSTER-NO-ROWS");
    }

    private static readonly decimal[] RatesOverTime = [100m, 99.4m];

    private static byte[] Gb(string line) => CsvRows.Gb18030.GetBytes(line);
}

public sealed class SqliteEmployerSelfCheckTests(SqliteApp app) : EmployerSelfCheckTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEmployerSelfCheckTests(PostgresApp app) : EmployerSelfCheckTests(app), IClassFixture<PostgresApp>;
