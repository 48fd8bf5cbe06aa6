using System.Formats.Cbor;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Time;
using CertGuard.Core.Verification;
using CertGuard.Data.Credentials;
using CertGuard.Data.Database;
using CertGuard.Data.Verification;
using CertGuard.Testing;
using CertGuard.Web.Features.Credentials;
using CertGuard.Web.Features.Verification.PublicQuery;
using CertGuard.Web.Tests.Verification.PublicQuery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Credentials;

/// <summary>
/// The QR check as served (on PostgreSQL the one-round-trip <see cref="NpgsqlQrChecker"/>) against the EF Core check it
/// replaced (<see cref="OnlineVerifier"/>): the same verdict for every kind of code, the same registry row for the log,
/// a key retired elsewhere refused at the next check, and the log row written.
/// </summary>
public abstract class QrCheckerTests(CertGuardApp app)
{
    [Fact]
    public async Task The_served_check_answers_as_the_ef_core_check_for_every_kind_of_code()
    {
        const string city = "440100";
        var today = ChinaTime.Today(TimeProvider.System);
        var cases = new List<(string Name, string Text, string Code)>();

        var (validId, valid) = await QrOfAsync(city, CertificateState.Valid, 0);
        cases.Add(("valid", valid, "CG1-VALID"));

        var (revokedId, revoked) = await QrOfAsync(city, CertificateState.Valid, 1);
        await ChangeAsync(revokedId, c => c.Revoke(RevocationReason.FraudOrBribery, today, "test", CertificateRules.Order30, TimeProvider.System));
        cases.Add(("revoked", revoked, "CG1-REVOKED"));

        // Suspended (失效 after a failed review): its bit is set like a revocation's.
        var (suspendedId, suspended) = await QrOfAsync(city, CertificateState.Valid, 2);
        await ChangeAsync(suspendedId, c => c.FailReview(today, [ReviewFailureReason.FailedHealthCheck], "test", CertificateRules.Order30, TimeProvider.System, outsideWindowApproved: true));
        cases.Add(("suspended", suspended, "CG1-REVOKED"));

        // Revoked in the registry while its bit reads clear: the registry stage decides, not the status list.
        var (registryId, registryOnly) = await QrOfAsync(city, CertificateState.Valid, 3);
        await ChangeAsync(registryId, c => c.Revoke(RevocationReason.FraudOrBribery, today, "test", CertificateRules.Order30, TimeProvider.System));
        await using (var db = app.SystemDb())
        {
            var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == registryId);
            var list = await db.StatusLists.SingleAsync(l => l.Id == certificate.StatusListId);
            Assert.True(list.Set(certificate.StatusIndex!.Value, false, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        cases.Add(("registry says revoked, bit clear", registryOnly, "CG1-REGISTRY-NOT-VALID"));

        var (_, expired) = await QrOfAsync(city, CertificateState.Expired, 0);
        cases.Add(("expired", expired, "CG1-EXPIRED"));

        var claims = (await ChecksAsync(valid)).Served.Result.Claims!;
        using (var stranger = SigningKey.Generate(CoseAlgorithm.ES256))
            cases.Add(("unknown key", Cg1Codec.Encode(claims, stranger), "CG1-KID-UNKNOWN"));
        cases.Add(("bad signature", BreakSignature(valid), "CG1-SIG-INVALID"));
        using (var scope = app.Services.CreateScope())
        {
            using var key = await scope.ServiceProvider.GetRequiredService<KeyRing>().ActiveKeyAsync(city, CredentialKeyRecord.CertificatePurpose);
            // Genuine signatures on data the registry does not hold as the current card, or at all.
            cases.Add(("superseded", Cg1Codec.Encode(claims with { Name = claims.Name + "改" }, key), "CG1-REGISTRY-SUPERSEDED"));
            var unknown = PublicQueryApp.UnknownNumber();
            cases.Add(("not in the registry", Cg1Codec.Encode(claims with { Number = unknown, IdNumber = unknown }, key), "CG1-REGISTRY-MISSING"));
        }
        cases.Add(("not ours", "HC1:6BFOXN", "CG1-PREFIX"));
        cases.Add(("corrupt", "CG1:!!!!", "CG1-BASE45"));

        foreach (var (name, text, code) in cases)
        {
            var (ef, served, row) = await ChecksAsync(text);
            Assert.Equal((name, code), (name, served.Result.Code));
            Assert.Equal(ef.Result, served.Result);
            // The row the log gets: the one the recorder would have looked up.
            if (served.RowRead) Assert.Equal(row, served.Row);
        }
        Assert.Equal(validId, (await ChecksAsync(valid)).Row?.Id);
    }

    [Fact]
    public async Task A_key_retired_by_another_instance_is_refused_from_the_next_check_on()
    {
        const string city = "440600"; // 佛山: this test alone rotates its key
        string kid;
        using (var scope = app.Services.CreateScope())
            kid = (await scope.ServiceProvider.GetRequiredService<KeyRing>().CreateAsync(CoseAlgorithm.ES256, city, CredentialKeyRecord.CertificatePurpose)).Kid;
        var (_, text) = await QrOfAsync(city, CertificateState.Valid, 0);
        Assert.Equal("CG1-VALID", (await ChecksAsync(text)).Served.Result.Code);

        // Retired through the database alone, as another instance would: nothing tells this instance's keys in memory.
        await using (var db = app.SystemDb())
        {
            (await db.CredentialKeys.SingleAsync(k => k.Kid == kid)).Retire(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var (ef, served, _) = await ChecksAsync(text);
        Assert.Equal("CG1-KID-UNKNOWN", served.Result.Code);
        Assert.Equal(ef.Result, served.Result);
    }

    [Fact]
    public async Task Each_check_is_logged_with_its_certificate_and_outcome()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var (validId, valid) = await QrOfAsync("440300", CertificateState.Valid, 0);
        var (revokedId, revoked) = await QrOfAsync("440300", CertificateState.Valid, 1);
        await ChangeAsync(revokedId, c => c.Revoke(RevocationReason.FraudOrBribery, today, "test", CertificateRules.Order30, TimeProvider.System));
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var client = app.CreateClient();
        foreach (var text in new[] { valid, revoked, BreakSignature(valid) })
        {
            var response = await client.PostAsJsonAsync("/api/v1/verify/qr", new { text });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await app.Services.GetRequiredService<VerificationLog>().StoredAsync();

        await using var db = app.SystemDb();
        var logged = (await db.VerificationLog.AsNoTracking().Where(r => r.Channel == VerificationChannel.QrCheck).ToListAsync()).Where(r => r.At >= since).ToList();
        Assert.Equal(VerificationOutcome.Valid, logged.Single(r => r.CertificateId == validId).Outcome);
        Assert.Equal(VerificationOutcome.Revoked, logged.Single(r => r.CertificateId == revokedId).Outcome);
        // The forged code names no certificate: a rejected QR, no number.
        Assert.Single(logged, r => r.CertificateId is null && r.Outcome == VerificationOutcome.QrRejected && r.NumberAsked is null);
    }

    /// <summary>Both checkers on one text, and the row the recorder's own lookup finds for the code's claims.</summary>
    private async Task<(QrCheck Ef, QrCheck Served, PublicCertificateRow? Row)> ChecksAsync(string text)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var served = services.GetRequiredService<IQrChecker>();
        if (app.Provider == DatabaseProvider.Postgres) Assert.IsType<NpgsqlQrChecker>(served);
        var ef = await new EfQrChecker(services.GetRequiredService<OnlineVerifier>()).CheckAsync(text, CancellationToken.None);
        var check = await served.CheckAsync(text, CancellationToken.None);
        PublicCertificateRow? row = null;
        if (check.Result.Claims is { } claims)
            row = (await services.GetRequiredService<ICertificateLookup>().FindAsync(claims.Number, CancellationToken.None)).FirstOrDefault(r => r.ItemCode == claims.Item);
        return (ef, check, row);
    }

    private async Task<(Guid Id, string Text)> QrOfAsync(string city, CertificateState state, int skip)
    {
        var client = app.ApiClient(Role.ProvinceOffice.Id);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?city={city}&status={state}&pageSize=20");
        var id = page.GetProperty("items")[skip].GetProperty("id").GetGuid();
        return (id, await client.GetStringAsync($"/api/v1/certificates/{id}/qr?format=text"));
    }

    private async Task ChangeAsync(Guid id, Action<Certificate> change)
    {
        await using var db = app.SystemDb();
        change(await db.Certificates.SingleAsync(c => c.Id == id));
        await db.SaveChangesAsync();
    }

    /// <summary>The genuine code with the last byte of its signature changed: every layer still decodes, the signature fails.</summary>
    private static string BreakSignature(string text)
    {
        using var zlib = new ZLibStream(new MemoryStream(Base45.TryDecode(text.AsSpan(4))!), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        zlib.CopyTo(inflated);
        var message = CoseSign1.TryDecode(inflated.ToArray())!;
        var signature = (byte[])message.Signature.Clone();
        signature[^1] ^= 0x01;
        var w = new CborWriter();
        w.WriteTag((CborTag)18);
        w.WriteStartArray(4);
        w.WriteByteString(message.ProtectedHeader);
        w.WriteStartMap(0);
        w.WriteEndMap();
        w.WriteByteString(message.Payload);
        w.WriteByteString(signature);
        w.WriteEndArray();
        using var output = new MemoryStream();
        using (var deflate = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) deflate.Write(w.Encode());
        return "CG1:" + Base45.Encode(output.ToArray());
    }
}

public sealed class SqliteQrCheckerTests(SqliteApp app) : QrCheckerTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresQrCheckerTests(PostgresApp app) : QrCheckerTests(app), IClassFixture<PostgresApp>;
