using CertGuard.Core.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Verification;

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Subject).HasMaxLength(64).IsRequired();
        b.Property(s => s.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(s => s.Evidence).HasMaxLength(1000).IsRequired();
        b.Property(s => s.Codes).HasMaxLength(200);
        b.Property(s => s.ResolutionReason).HasMaxLength(Signal.ReasonMaxLength);
        b.Property(s => s.ResolvedBy).HasMaxLength(128);
        // The queue of a city, newest first; the open signal of a subject, found again when evidence comes in.
        b.HasIndex(s => new { s.RegionCode, s.State, s.LastSeen });
        b.HasIndex(s => new { s.Kind, s.Subject, s.State });
    }
}
