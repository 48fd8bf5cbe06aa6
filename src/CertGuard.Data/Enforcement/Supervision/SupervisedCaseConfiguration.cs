using CertGuard.Core.Enforcement.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Enforcement.Supervision;

internal sealed class SupervisedCaseConfiguration : IEntityTypeConfiguration<SupervisedCase>
{
    public void Configure(EntityTypeBuilder<SupervisedCase> b)
    {
        b.ToTable("SupervisedCases");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(s => s.CaseTitle).HasMaxLength(1000).IsRequired();
        b.Property(s => s.SupervisorRegionCode).HasMaxLength(6).IsRequired();
        b.Property(s => s.Requirements).HasMaxLength(SupervisedCase.TextMaxLength).IsRequired();
        b.Property(s => s.StartedBy).HasMaxLength(128).IsRequired();
        b.Property(s => s.LiftedBy).HasMaxLength(128);
        b.Property(s => s.Result).HasMaxLength(SupervisedCase.TextMaxLength);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.IsActive);
        b.Ignore(s => s.NextReportDue);
        b.HasOne<Core.Enforcement.Cases.EnforcementCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Reports).WithOne().HasForeignKey(r => r.SupervisionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Reports).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(s => new { s.RegionCode, s.State });
        b.HasIndex(s => s.StartedAt);
        b.HasIndex(s => s.CaseId);
    }
}

internal sealed class SupervisionReportConfiguration : IEntityTypeConfiguration<SupervisionReport>
{
    public void Configure(EntityTypeBuilder<SupervisionReport> b)
    {
        b.ToTable("SupervisionReports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Text).HasMaxLength(SupervisedCase.TextMaxLength).IsRequired();
        b.Property(r => r.By).HasMaxLength(128).IsRequired();
        b.HasIndex(r => new { r.SupervisionId, r.At });
    }
}
