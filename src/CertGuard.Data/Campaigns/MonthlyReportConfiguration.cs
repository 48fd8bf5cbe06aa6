using CertGuard.Core.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Campaigns;

internal sealed class MonthlyReportConfiguration : IEntityTypeConfiguration<MonthlyReport>
{
    public void Configure(EntityTypeBuilder<MonthlyReport> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.CityCode).HasMaxLength(6).IsRequired();
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.SubmittedBy).HasMaxLength(128);
        b.Property(r => r.DecidedBy).HasMaxLength(128);
        b.Property(r => r.ReturnReason).HasMaxLength(MonthlyReport.ReasonMaxLength);
        b.Property(r => r.WorkText).HasMaxLength(MonthlyReport.WorkTextMaxLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.CampaignId, r.CityCode, r.Month }).IsUnique();
    }
}
