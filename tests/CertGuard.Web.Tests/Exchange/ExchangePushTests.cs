using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Data.Registry;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Exchange;

/// <summary>
/// Certificates of other provinces pushed in: an idempotent upsert by number, item and version; a stale version is
/// refused; bad items are refused with a code, each on its own.
/// </summary>
public abstract class ExchangePushTests(CertGuardApp app)
{
    private const string Path = "/api/v1/exchange/certificates";

    [Fact]
    public async Task Push_creates_then_the_same_version_is_unchanged_a_higher_one_updates_and_a_lower_one_is_refused()
    {
        var client = app.National();
        var number = ExchangeClient.IdNumber("430102", new DateOnly(1988, 8, 8), 21);

        var created = await client.PostAsJsonAsync(Path, ExchangeClient.Foreign(number, 2));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("created", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        var same = await client.PostAsJsonAsync(Path, ExchangeClient.Foreign(number, 2));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal("unchanged", (await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        var newer = ExchangeClient.Foreign(number, 3, status: "Revoked").With("statusReason", "FraudOrBribery")
            .With("statusChangedOn", app.Today().ToString("yyyy-MM-dd")).With("reapplicationBarredUntil", app.Today().AddYears(3).ToString("yyyy-MM-dd"));
        var updated = await client.PostAsJsonAsync(Path, newer);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("updated", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        var stale = await (await client.PostAsJsonAsync(Path, ExchangeClient.Foreign(number, 1, holderName: "旧名"))).AssertProblemAsync(HttpStatusCode.Conflict, "EXCHANGE-STALE");
        Assert.True(Http.HasChinese(stale.GetProperty("title").GetString()));

        await using var db = app.SystemDb();
        var held = await db.Certificates.AsNoTracking().Include(c => c.History).SingleAsync(c => c.Number == number && c.ItemCode == "1.1");
        Assert.Equal(3, held.ExchangeVersion);
        Assert.Equal(CertificateStatus.Revoked, held.Status);
        Assert.Equal("李湘", held.HolderName);
        Assert.Equal("430100", held.RegionCode);
        Assert.Equal(app.Today().AddYears(3), held.ReapplicationBarredUntil);
        Assert.Equal([CertificateEventKind.ReceivedByExchange, CertificateEventKind.UpdatedByExchange], held.Chronicle.Select(e => e.Kind));
        Assert.All(held.History, e => Assert.Equal(app.Account(Role.NationalExchange.Id).UserName, e.Actor));
        var authority = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == held.IssuingAuthorityId);
        Assert.Equal(("长沙市应急管理局", "430100"), (authority.Name, authority.RegionCode));
        Assert.NotEqual(Role.IssuingAuthority.Id, authority.Kind);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Certificate) && e.EntityId == held.Id.ToString()
                                                        && e.Actor == app.Account(Role.NationalExchange.Id).UserName));
        var sequences = await db.CertificateEvents.Where(e => e.CertificateId == held.Id).Select(e => EF.Property<long>(e, ChangeSequence.Property)).ToListAsync();
        Assert.All(sequences, s => Assert.True(s > 0));
    }

    [Fact]
    public async Task A_pushed_certificate_gets_no_QR_or_printed_card_from_this_province()
    {
        var number = ExchangeClient.IdNumber("430102", new DateOnly(1987, 7, 7), 33);
        Assert.Equal(HttpStatusCode.Created, (await app.National().PostAsJsonAsync(Path, ExchangeClient.Foreign(number, 1))).StatusCode);
        await using var db = app.SystemDb();
        var id = await db.Certificates.AsNoTracking().Where(c => c.Number == number).Select(c => c.Id).SingleAsync();

        var qr = await app.ApiClient(Role.ProvinceOffice.Id).GetAsync($"/api/v1/certificates/{id}/qr?format=text");
        Assert.Equal(HttpStatusCode.Conflict, qr.StatusCode);
        Assert.Equal("CERT-FOREIGN", (await qr.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var print = await (await app.SignedInClientAsync(Role.ProvinceOffice.Id)).GetAsync($"/registry/certificate/{id}/print");
        Assert.Equal(HttpStatusCode.NotFound, print.StatusCode);
    }

    [Fact]
    public async Task Same_version_with_other_content_is_a_conflict_and_changes_nothing()
    {
        var client = app.National();
        var number = ExchangeClient.IdNumber("420106", new DateOnly(1979, 12, 30), 42);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(Path, ExchangeClient.Foreign(number, 1))).StatusCode);

        await (await client.PostAsJsonAsync(Path, ExchangeClient.Foreign(number, 1, holderName: "别名"))).AssertProblemAsync(HttpStatusCode.Conflict, "EXCHANGE-VERSION-CONFLICT");

        await using var db = app.SystemDb();
        Assert.Equal("李湘", await db.Certificates.Where(c => c.Number == number).Select(c => c.HolderName).SingleAsync());
    }

    [Fact]
    public async Task A_push_never_overwrites_a_certificate_issued_in_Guangdong()
    {
        await using var db = app.SystemDb();
        var local = await db.Certificates.AsNoTracking().Where(c => c.ExchangeVersion == null).OrderBy(c => c.Id).FirstAsync();

        var item = ExchangeClient.Foreign(local.Number, 99, item: local.ItemCode).With("categoryCode", local.CategoryCode);
        await (await app.National().PostAsJsonAsync(Path, item)).AssertProblemAsync(HttpStatusCode.Conflict, "EXCHANGE-LOCAL");

        var after = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == local.Id);
        Assert.Equal((local.HolderName, local.Version, local.RegionCode), (after.HolderName, after.Version, after.RegionCode));
    }

    public static TheoryData<string, object?, string> BadItems() => new()
    {
        { "number", WrongCheck(ExchangeClient.IdNumber("430102", new DateOnly(1988, 8, 8), 31)), "ID-CHECK" },
        { "number", null, "ID-EMPTY" },
        { "authorityCode", "440100", "EXCHANGE-AUTHORITY-LOCAL" },
        { "authorityCode", "43", "EXCHANGE-AUTHORITY-INVALID" },
        { "itemCode", "99.9", "CERT-ITEM-UNKNOWN" },
        { "categoryCode", "2", "EXCHANGE-CATEGORY-MISMATCH" },
        { "sex", "F", "EXCHANGE-SEX-MISMATCH" },
        { "validTo", "2030/05/31", "EXCHANGE-FORMAT" },
        { "nextReviewDue", null, "EXCHANGE-FORMAT" },
        { "nextReviewDue", "2031-01-01", "EXCHANGE-DATES" },
        { "status", "Suspended", "EXCHANGE-STATUS-UNKNOWN" },
        { "version", 0, "EXCHANGE-VERSION-INVALID" },
        { "holderName", "", "CERT-NAME-REQUIRED" },
        { "holderName", "李\u202E湘", "HOLDER-NAME-CHARACTERS" },
        { "holderName", "=cmd|' /C calc'!A0", "HOLDER-NAME-CHARACTERS" },
        { "holderName", "<script>alert(1)</script>", "HOLDER-NAME-CHARACTERS" },
    };

    private static string WrongCheck(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task A_bad_item_is_refused_with_a_problem_naming_what_is_wrong_and_nothing_is_written(string field, object? value, string code)
    {
        var number = ExchangeClient.IdNumber("430102", new DateOnly(1988, 8, 8), 31);
        var item = ExchangeClient.Foreign(number, 1).With(field, value);

        var problem = await (await app.National().PostAsJsonAsync(Path, item)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, code);

        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()), problem.ToString());
        await using var db = app.SystemDb();
        Assert.False(await db.Certificates.AnyAsync(c => c.Number == number));
    }

    [Fact]
    public async Task Batch_reports_each_item_and_writes_the_good_ones()
    {
        var first = ExchangeClient.IdNumber("510104", new DateOnly(1990, 3, 4), 51);
        var second = ExchangeClient.IdNumber("510104", new DateOnly(1992, 5, 6), 62);
        object?[] batch =
        [
            ExchangeClient.Foreign(first, 1).With("authorityCode", "510100").With("authorityName", "成都市应急管理局"),
            ExchangeClient.Foreign(first, 2, holderName: "张蜀").With("authorityCode", "510100"),
            ExchangeClient.Foreign(second, 1).With("authorityCode", "440300"),
            ExchangeClient.Foreign(second, 4, item: "2.1").With("authorityCode", "510100"),
            null,
            ExchangeClient.Foreign(first, 2, holderName: "张蜀").With("authorityCode", "510100"),
        ];

        var response = await app.National().PostAsJsonAsync(Path + "/batch", batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["created", "updated", "refused", "created", "refused", "unchanged"], items.Select(i => i.GetProperty("outcome").GetString()));
        Assert.Equal(Enumerable.Range(0, 6), items.Select(i => i.GetProperty("index").GetInt32()));
        Assert.Equal("EXCHANGE-AUTHORITY-LOCAL", items[2].GetProperty("code").GetString());
        Assert.Equal(422, items[2].GetProperty("status").GetInt32());
        Assert.True(Http.HasChinese(items[2].GetProperty("message").GetString()));
        Assert.Equal("EXCHANGE-FORMAT", items[4].GetProperty("code").GetString());
        Assert.Equal((2, 1, 1, 2), (body.GetProperty("created").GetInt32(), body.GetProperty("updated").GetInt32(),
            body.GetProperty("unchanged").GetInt32(), body.GetProperty("refused").GetInt32()));

        await using var db = app.SystemDb();
        var held = await db.Certificates.AsNoTracking().Where(c => c.Number == first || c.Number == second).OrderBy(c => c.Number).ToListAsync();
        Assert.Equal([(first, "1.1", 2, "张蜀"), (second, "2.1", 4, "李湘")], held.Select(c => (c.Number, c.ItemCode, c.ExchangeVersion!.Value, c.HolderName)));
        Assert.Single(await db.Organisations.AsNoTracking().Where(o => o.RegionCode == "510100").ToListAsync());
    }

    [Fact]
    public async Task Batch_of_no_items_or_too_many_is_refused()
    {
        var client = app.National();
        await (await client.PostAsJsonAsync(Path + "/batch", Array.Empty<object>())).AssertProblemAsync(HttpStatusCode.BadRequest, "EXCHANGE-BATCH-SIZE");
        var number = ExchangeClient.IdNumber("430102", new DateOnly(1988, 8, 8), 71);
        var tooMany = Enumerable.Repeat(ExchangeClient.Foreign(number, 1), 1001).ToList();
        await (await client.PostAsJsonAsync(Path + "/batch", tooMany)).AssertProblemAsync(HttpStatusCode.BadRequest, "EXCHANGE-BATCH-SIZE");
    }

    [Fact]
    public async Task Received_certificates_are_seen_province_wide_but_by_no_Guangdong_city()
    {
        var number = ExchangeClient.IdNumber("360102", new DateOnly(1985, 1, 15), 81);
        var pushed = await app.National().PostAsJsonAsync(Path, ExchangeClient.Foreign(number, 1).With("authorityCode", "360100"));
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);

        var province = await app.ApiClient(Role.ProvinceOffice.Id).GetFromJsonAsync<JsonElement>($"/api/v1/certificates?q={number}");
        Assert.Equal(1, province.GetProperty("total").GetInt32());
        var city = await app.ApiClient(Role.IssuingAuthority.Id).GetFromJsonAsync<JsonElement>($"/api/v1/certificates?q={number}");
        Assert.Equal(0, city.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Only_the_national_exchange_role_may_push()
    {
        var number = ExchangeClient.IdNumber("430102", new DateOnly(1988, 8, 8), 91);
        foreach (var role in new[] { Role.IssuingAuthority, Role.ProvinceOffice })
        {
            var response = await app.ApiClient(role.Id).PostAsJsonAsync(Path, ExchangeClient.Foreign(number, 1));
            await response.AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        await using var db = app.SystemDb();
        Assert.False(await db.Certificates.AnyAsync(c => c.Number == number));
    }
}

public sealed class SqliteExchangePushTests(SqliteApp app) : ExchangePushTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresExchangePushTests(PostgresApp app) : ExchangePushTests(app), IClassFixture<PostgresApp>;
