using CertGuard.Core.Campaigns;
using CertGuard.Core.Campaigns.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Campaigns.Reports;

internal sealed class ReportFigureConfiguration : IEntityTypeConfiguration<ReportFigure>
{
    public void Configure(EntityTypeBuilder<ReportFigure> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.CityCode).HasMaxLength(6).IsRequired();
        b.Property(f => f.Code).HasMaxLength(16).IsRequired();
        b.Property(f => f.Computed).HasPrecision(18, 2);
        b.Property(f => f.Corrected).HasPrecision(18, 2);
        b.Property(f => f.Entered).HasPrecision(18, 2);
        b.Property(f => f.Reason).HasMaxLength(ReportFigure.ReasonMaxLength);
        b.Property(f => f.SourceNote).HasMaxLength(ReportFigure.NoteMaxLength);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne<MonthlyReport>().WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.ReportId, f.Code }).IsUnique();
    }
}

internal sealed class ReportAttachmentConfiguration : IEntityTypeConfiguration<ReportAttachment>
{
    public void Configure(EntityTypeBuilder<ReportAttachment> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.CityCode).HasMaxLength(6).IsRequired();
        b.Property(a => a.FileName).HasMaxLength(ReportAttachment.NameMaxLength).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.Property(a => a.AddedBy).HasMaxLength(128).IsRequired();
        b.HasOne<MonthlyReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.ReportId);
    }
}
