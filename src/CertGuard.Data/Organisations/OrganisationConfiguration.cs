using CertGuard.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Name).HasMaxLength(128).IsRequired();
        b.Property(o => o.Kind).HasMaxLength(32).IsRequired();
        b.Property(o => o.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(o => o.CreditCode).HasMaxLength(18);
        b.HasIndex(o => new { o.Kind, o.RegionCode });
        b.HasIndex(o => o.CreditCode).IsUnique();
    }
}
