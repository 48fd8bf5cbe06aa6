using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Verification;
using CertGuard.Data.Verification;
using CertGuard.Testing;
using CertGuard.Web.Tests.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Employers;

/// <summary>
/// Employers' self-check, the verdict faults found in use: an invalid certificate is told as invalid before "wrong
/// item", and a second name on a real number is the impersonation (name-mismatch), not a duplicate row.
/// </summary>
public abstract partial class EmployerSelfCheckTests
{
    [Fact]
    public async Task A_revoked_expired_or_overdue_certificate_of_another_item_asks_to_stop_work()
    {
        var employer = await app.NewEmployerAsync();
        await employer.DefineAsync("电工", "1.1", "1.2");
        var revoked = await app.IssueOneAsync("2.1", revoke: true);
        var expired = await app.IssueOneAsync("2.1", yearsAgo: 6.3);
        var overdue = await app.IssueOneAsync("2.1", yearsAgo: 3.2);

        var check = await employer.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header,
            RosterArrangement.Line(revoked, "电工"), RosterArrangement.Line(expired, "电工"), RosterArrangement.Line(overdue, "电工")]));

        var rows = check.ByRow();
        Assert.Equal(("revoked", "expired", "review-overdue"), (rows[2].Verdict(), rows[3].Verdict(), rows[4].Verdict()));
        var items = await employer.Api.GetFromJsonAsync<JsonElement>("/api/v1/rectifications");
        Assert.Equal(3, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), i => Assert.Equal("stop-work", i.GetProperty("requiredAction").GetString()));
    }

    [Fact]
    public async Task A_second_name_on_one_number_is_a_name_mismatch_wherever_it_stands_and_only_a_repeat_is_a_duplicate()
    {
        var employer = await app.NewEmployerAsync();
        var real = await app.IssueOneAsync("1.1");
        var other = await app.IssueOneAsync("1.1");

        var check = await employer.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header,
            $"李冒名,{real.Number},", RosterArrangement.Line(real), RosterArrangement.Line(other), RosterArrangement.Line(other)]));

        var rows = check.ByRow();
        Assert.Equal(("name-mismatch", "valid", "valid", "bad-row"), (rows[2].Verdict(), rows[3].Verdict(), rows[4].Verdict(), rows[5].Verdict()));
        Assert.Contains("第4行", rows[5].Reason());
        var summary = check.GetProperty("summary");
        Assert.Equal((3, 2), (summary.GetProperty("workers").GetInt32(), summary.GetProperty("compliant").GetInt32()));
        Assert.NotEqual(100m, summary.GetProperty("rate").GetDecimal());

        await app.Services.GetRequiredService<VerificationLog>().StoredAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await using var db = app.SystemDb();
        Assert.True(await db.VerificationLog.AsNoTracking().AnyAsync(r => r.NumberAsked == real.Number
            && r.Channel == VerificationChannel.RosterCheck && r.Outcome == VerificationOutcome.NameMismatch));
    }
}
