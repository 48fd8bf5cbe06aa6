using CertGuard.Core.Campaigns;
using CertGuard.Core.Time;

namespace CertGuard.Data.Campaigns;

/// <summary>The campaign the demo runs: the notice's calendar (10 July – 31 December) in the demo's current year.</summary>
internal static class CampaignsDemo
{
    public static readonly Guid CurrentId = Guid.Parse("0193a000-2026-7000-8000-000000000001");

    /// <summary>The campaign running on the demo's day: this year's if 10 July has come, else last year's.</summary>
    public static Campaign Current(TimeProvider clock)
    {
        var today = ChinaTime.Today(clock);
        var year = today >= new DateOnly(today.Year, 7, 10) ? today.Year : today.Year - 1;
        return new Campaign(CurrentId, $"{year}年广东省打击假冒特种作业操作证专项治理行动", $"粤安办〔{year}〕91号（演示）",
            new DateOnly(year, 7, 10), new DateOnly(year, 12, 31));
    }

    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, CancellationToken ct)
    {
        db.Campaigns.Add(Current(clock));
        await db.SaveChangesAsync(ct);
    }
}
