using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Credentials;

internal sealed class CredentialKeyConfiguration : IEntityTypeConfiguration<CredentialKeyRecord>
{
    public void Configure(EntityTypeBuilder<CredentialKeyRecord> b)
    {
        b.ToTable("CredentialKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.Kid).HasMaxLength(16);
        b.Property(k => k.Algorithm).HasMaxLength(16);
        b.Property(k => k.Authority).HasMaxLength(6);
        b.Property(k => k.Purpose).HasMaxLength(16);
        b.Property(k => k.Status).HasMaxLength(16);
        b.HasIndex(k => k.Kid).IsUnique();
        b.HasIndex(k => new { k.Purpose, k.Authority, k.Status });
    }
}

internal sealed class StatusListConfiguration : IEntityTypeConfiguration<StatusListRecord>
{
    public void Configure(EntityTypeBuilder<StatusListRecord> b)
    {
        b.ToTable("StatusLists");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).HasMaxLength(32);
        b.Property(l => l.Authority).HasMaxLength(6);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasIndex(l => l.Authority);
    }
}
