using CertGuard.Core.Enforcement.TypicalCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Enforcement.TypicalCases;

internal sealed class TypicalCaseConfiguration : IEntityTypeConfiguration<TypicalCase>
{
    public void Configure(EntityTypeBuilder<TypicalCase> b)
    {
        b.ToTable("TypicalCases");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(t => t.Title).HasMaxLength(TypicalCase.TitleMaxLength).IsRequired();
        b.Property(t => t.Facts).HasMaxLength(TypicalCase.TextMaxLength).IsRequired();
        b.Property(t => t.Penalty).HasMaxLength(TypicalCase.TextMaxLength).IsRequired();
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.DraftedBy).HasMaxLength(128).IsRequired();
        b.Property(t => t.CityApprovedBy).HasMaxLength(128);
        b.Property(t => t.PublishedBy).HasMaxLength(128);
        b.Property(t => t.WithdrawnBy).HasMaxLength(128);
        b.Property(t => t.ReturnReason).HasMaxLength(500);
        b.Property(t => t.WithdrawalReason).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.PublicText);
        b.HasOne<Core.Enforcement.Cases.EnforcementCase>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.State, t.PublishedAt });
        b.HasIndex(t => new { t.RegionCode, t.State });
        b.HasIndex(t => t.CaseId);
    }
}
