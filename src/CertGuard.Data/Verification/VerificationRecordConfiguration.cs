using CertGuard.Core.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Verification;

internal sealed class VerificationRecordConfiguration : IEntityTypeConfiguration<VerificationRecord>
{
    public void Configure(EntityTypeBuilder<VerificationRecord> b)
    {
        b.ToTable("VerificationLog");
        // On PostgreSQL the table is partitioned by month of At (VerificationLogPartitioning, raw SQL in the
        // WaveLogPartitions migration) and its primary key there is (Id, At), as partitioning requires; the model keeps
        // Id, the same for both providers (nothing finds a check by key, and a version-7 GUID is unique on its own).
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.NumberAsked).HasMaxLength(VerificationRecord.NumberMaxLength);
        b.Property(r => r.RegionCode).HasMaxLength(6);
        b.Property(r => r.ItemCode).HasMaxLength(8);
        b.Property(r => r.CategoryCode).HasMaxLength(8);
        b.Property(r => r.AccountName).HasMaxLength(128);
        b.Property(r => r.Origin).HasMaxLength(64);
        // Who checked a certificate; what one number was asked; what one origin asked; retention by age.
        b.HasIndex(r => new { r.CertificateId, r.At });
        b.HasIndex(r => new { r.NumberAsked, r.At });
        b.HasIndex(r => new { r.Origin, r.At });
        // What one organisation asked (the name-check limits and the OrganisationMisses signal count by it).
        b.HasIndex(r => new { r.OrganisationId, r.At });
        b.HasIndex(r => r.At);
    }
}
