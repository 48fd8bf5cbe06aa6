using CertGuard.Core.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(Campaign.NameMaxLength).IsRequired();
        b.Property(c => c.DocumentNumber).HasMaxLength(64).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}
