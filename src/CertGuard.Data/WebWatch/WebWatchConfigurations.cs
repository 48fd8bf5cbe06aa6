using CertGuard.Core.WebWatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.WebWatch;

internal sealed class SuspectConfiguration : IEntityTypeConfiguration<Suspect>
{
    public void Configure(EntityTypeBuilder<Suspect> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Key).HasMaxLength(512).IsRequired();
        b.Property(s => s.Url).HasMaxLength(2048).IsRequired();
        b.Property(s => s.Source).HasMaxLength(32).IsRequired();
        b.Property(s => s.Platform).HasMaxLength(64);
        b.Property(s => s.Note).HasMaxLength(Suspect.TextMaxLength);
        b.Property(s => s.FoundBy).HasMaxLength(128).IsRequired();
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Addresses).HasMaxLength(1000);
        b.Property(s => s.NameServers).HasMaxLength(1000);
        b.Property(s => s.Registrant).HasMaxLength(256);
        b.Property(s => s.Contacts).HasMaxLength(1000);
        b.Property(s => s.VerdictReason).HasMaxLength(Suspect.TextMaxLength);
        b.Property(s => s.VerifiedBy).HasMaxLength(128);
        b.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.DisposalDocument).HasMaxLength(Suspect.TextMaxLength);
        b.Property(s => s.Version).IsConcurrencyToken();
        // Triage memory: one suspect per city and name, whatever source finds it again.
        b.HasIndex(s => new { s.RegionCode, s.Key }).IsUnique();
        b.HasIndex(s => new { s.RegionCode, s.State });
        b.HasIndex(s => s.ClusterId);
        b.HasIndex(s => s.Registrant);
        b.HasIndex(s => s.RecheckDueAt);
    }
}

internal sealed class SuspectReferralConfiguration : IEntityTypeConfiguration<SuspectReferral>
{
    public void Configure(EntityTypeBuilder<SuspectReferral> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Department).HasMaxLength(32).IsRequired();
        b.Property(r => r.Note).HasMaxLength(Suspect.TextMaxLength).IsRequired();
        b.Property(r => r.ReferredBy).HasMaxLength(128).IsRequired();
        b.Property(r => r.Answer).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.AnswerDocument).HasMaxLength(SuspectReferral.DocumentMaxLength);
        b.Property(r => r.AnswerNote).HasMaxLength(Suspect.TextMaxLength);
        b.Property(r => r.AnsweredBy).HasMaxLength(128);
        b.HasOne<Suspect>().WithMany().HasForeignKey(r => r.SuspectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.Department, r.SuspectId });
        // Row 33 of the statistics table: a department's cases filed on referrals, by when they were filed.
        b.HasIndex(r => new { r.Department, r.Answer, r.AnsweredAt });
    }
}

internal sealed class CaptureConfiguration : IEntityTypeConfiguration<Capture>
{
    public void Configure(EntityTypeBuilder<Capture> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Url).HasMaxLength(2048).IsRequired();
        b.Property(c => c.CapturedBy).HasMaxLength(128).IsRequired();
        b.Property(c => c.Addresses).HasMaxLength(2000).IsRequired();
        b.Property(c => c.Headers).IsRequired();
        b.Property(c => c.Html).IsRequired();
        b.Property(c => c.ScreenshotMissing).HasMaxLength(500);
        foreach (var hash in new[] { nameof(Capture.AddressesSha256), nameof(Capture.HeadersSha256), nameof(Capture.HtmlSha256), nameof(Capture.ScreenshotSha256) })
            b.Property(hash).HasMaxLength(64);
        b.Property(c => c.HtmlFuzzyHash).HasMaxLength(16);
        b.Property(c => c.ScreenshotHash).HasMaxLength(16);
        b.HasOne<Suspect>().WithMany().HasForeignKey(c => c.SuspectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.SuspectId, c.CapturedAt });
    }
}
