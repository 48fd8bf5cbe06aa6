using CertGuard.Core.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Registry;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(18).IsRequired();
        b.Property(c => c.HolderName).HasMaxLength(64).IsRequired();
        b.Property(c => c.HolderSex).HasConversion<string>().HasMaxLength(8);
        b.Property(c => c.CategoryCode).HasMaxLength(8).IsRequired();
        b.Property(c => c.ItemCode).HasMaxLength(8).IsRequired();
        b.Property(c => c.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.StatusReason).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.PrintedNumber);
        b.Ignore(c => c.MaskedNumber);
        b.Ignore(c => c.Reviews);
        b.Ignore(c => c.StatusBit);
        b.Property(c => c.StatusListId).HasMaxLength(32);
        b.HasIndex(c => new { c.StatusListId, c.StatusIndex }).IsUnique();

        b.HasMany(c => c.History).WithOne().HasForeignKey(e => e.CertificateId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The registry key (number, item); and one index per lookup a page makes.
        b.HasIndex(c => new { c.Number, c.ItemCode }).IsUnique();
        b.HasIndex(c => new { c.RegionCode, c.Status, c.NextReviewDue });
        b.HasIndex(c => new { c.RegionCode, c.CategoryCode });
        b.HasIndex(c => new { c.HolderName, c.Number });
        b.HasIndex(c => c.EmployerId);
        b.HasIndex(c => c.IssuingAuthorityId);
    }
}

internal sealed class CertificateEventConfiguration : IEntityTypeConfiguration<CertificateEvent>
{
    public void Configure(EntityTypeBuilder<CertificateEvent> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Actor).HasMaxLength(128).IsRequired();
        b.Property(e => e.Reason).HasMaxLength(256);
        b.Property(e => e.Details).HasMaxLength(2000);
        b.HasIndex(e => new { e.CertificateId, e.OccurredAt });
    }
}
