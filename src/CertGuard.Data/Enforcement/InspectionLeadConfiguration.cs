using CertGuard.Core.Enforcement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Enforcement;

internal sealed class InspectionLeadConfiguration : IEntityTypeConfiguration<InspectionLead>
{
    public void Configure(EntityTypeBuilder<InspectionLead> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(l => l.Source).HasMaxLength(32).IsRequired();
        b.Property(l => l.Summary).HasMaxLength(InspectionLead.TextMaxLength).IsRequired();
        b.Property(l => l.CertificateNumber).HasMaxLength(32);
        b.Property(l => l.RaisedBy).HasMaxLength(128).IsRequired();
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(l => l.Disposition).HasConversion<string>().HasMaxLength(24);
        b.Property(l => l.DispositionNote).HasMaxLength(InspectionLead.TextMaxLength);
        b.Property(l => l.ReferredTo).HasMaxLength(32);
        b.Property(l => l.ProposedBy).HasMaxLength(128);
        b.Property(l => l.ClosedBy).HasMaxLength(128);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasIndex(l => new { l.RegionCode, l.RaisedAt });
        b.HasIndex(l => new { l.RegionCode, l.Status });
        b.HasIndex(l => new { l.Source, l.SourceId });
    }
}
