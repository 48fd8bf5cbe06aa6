using CertGuard.Core.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Tips;

internal sealed class TipConfiguration : IEntityTypeConfiguration<Tip>
{
    public void Configure(EntityTypeBuilder<Tip> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(t => t.Department).HasMaxLength(32).IsRequired();
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(24);
        b.Property(t => t.LookupId).HasMaxLength(64).IsRequired();
        b.Property(t => t.OfficeKeyId).HasMaxLength(32).IsRequired();
        b.Property(t => t.AssignedTo).HasMaxLength(128);
        b.Property(t => t.ExtensionRequestedBy).HasMaxLength(128);
        b.Property(t => t.ExtensionApprovedBy).HasMaxLength(128);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => t.LookupId);
        b.HasIndex(t => new { t.RegionCode, t.State });
        b.HasIndex(t => new { t.RegionCode, t.ReceivedAt });
    }
}

internal sealed class TipMessageConfiguration : IEntityTypeConfiguration<TipMessage>
{
    public void Configure(EntityTypeBuilder<TipMessage> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Author).HasMaxLength(128);
        b.HasOne<Tip>().WithMany().HasForeignKey(m => m.TipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.TipId, m.At });
    }
}

internal sealed class TipFileConfiguration : IEntityTypeConfiguration<TipFile>
{
    public void Configure(EntityTypeBuilder<TipFile> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.ContentType).HasMaxLength(64).IsRequired();
        b.HasOne<Tip>().WithMany().HasForeignKey(f => f.TipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.TipId);
    }
}

internal sealed class TipRewardConfiguration : IEntityTypeConfiguration<TipReward>
{
    public void Configure(EntityTypeBuilder<TipReward> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(r => r.FineYuan).HasPrecision(14, 2);
        b.Property(r => r.Amount).HasPrecision(14, 2);
        b.Property(r => r.RuleKey).HasMaxLength(32).IsRequired();
        b.Property(r => r.Basis).HasMaxLength(500).IsRequired();
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.DecidedBy).HasMaxLength(128);
        b.Property(r => r.DecisionNote).HasMaxLength(500);
        b.Property(r => r.PaidBy).HasMaxLength(128);
        b.Property(r => r.Voucher).HasMaxLength(64);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Tip>().WithMany().HasForeignKey(r => r.TipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.CaseId).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.State });
    }
}
