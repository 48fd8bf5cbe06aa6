using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.ReferenceData;

internal sealed class ReferenceDataRecordConfiguration : IEntityTypeConfiguration<ReferenceDataRecord>
{
    public void Configure(EntityTypeBuilder<ReferenceDataRecord> b)
    {
        b.ToTable("ReferenceDataVersions");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Key).HasMaxLength(40).IsRequired();
        b.Property(r => r.Title).HasMaxLength(Core.ReferenceData.ReferenceDataValidator.TextMaxLength).IsRequired();
        b.Property(r => r.Status).HasMaxLength(32).IsRequired();
        b.Property(r => r.Document).IsRequired();
        b.Property(r => r.Sha256).HasMaxLength(64).IsRequired();
        b.Property(r => r.LoadedBy).HasMaxLength(128).IsRequired();
        // One version per key and per day: two offices confirming the same day collide instead of both taking effect.
        b.HasIndex(r => r.Key).IsUnique();
        b.HasIndex(r => r.EffectiveFrom).IsUnique();
    }
}
