using CertGuard.Core.Enforcement.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Enforcement.Cases;

internal sealed class EnforcementCaseConfiguration : IEntityTypeConfiguration<EnforcementCase>
{
    public void Configure(EntityTypeBuilder<EnforcementCase> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(c => c.AuthorityName).HasMaxLength(200).IsRequired();
        b.Property(c => c.Title).HasMaxLength(EnforcementCase.TextMaxLength).IsRequired();
        b.Property(c => c.PersonName).HasMaxLength(200);
        b.Property(c => c.OrganisationName).HasMaxLength(200);
        b.Property(c => c.CertificateNumbersText).HasMaxLength(1000).IsRequired();
        b.Property(c => c.ViolationCodesText).HasMaxLength(1000).IsRequired();
        b.Property(c => c.LeadIdsText).HasMaxLength(2000).IsRequired();
        b.Property(c => c.JointDepartmentsText).HasMaxLength(200).IsRequired();
        b.Property(c => c.Stage).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.OpenedBy).HasMaxLength(128).IsRequired();
        b.Property(c => c.FilingApprovedBy).HasMaxLength(128);
        b.Property(c => c.DecidedBy).HasMaxLength(128);
        b.Property(c => c.ClosedBy).HasMaxLength(128);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.CertificateNumbers);
        b.Ignore(c => c.ViolationCodes);
        b.Ignore(c => c.LeadIds);
        b.Ignore(c => c.JointDepartments);
        b.Ignore(c => c.FineYuan);
        b.Ignore(c => c.IsClosed);
        b.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Documents).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Fines).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.ClockDecisions).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Fines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.ClockDecisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(c => new { c.RegionCode, c.Stage });
        b.HasIndex(c => new { c.RegionCode, c.OpenedAt });
    }
}

internal sealed class CaseEntryConfiguration : IEntityTypeConfiguration<CaseEntry>
{
    public void Configure(EntityTypeBuilder<CaseEntry> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.Text).HasMaxLength(CaseEntry.TextMaxLength).IsRequired();
        b.Property(e => e.By).HasMaxLength(128).IsRequired();
        b.Property(e => e.Department).HasMaxLength(32);
        b.HasIndex(e => new { e.CaseId, e.At });
    }
}

internal sealed class CaseFileDocumentConfiguration : IEntityTypeConfiguration<CaseFileDocument>
{
    public void Configure(EntityTypeBuilder<CaseFileDocument> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.Number).HasMaxLength(64).IsRequired();
        b.Property(d => d.Body).HasMaxLength(CaseFileDocument.BodyMaxLength).IsRequired();
        b.Property(d => d.IssuedBy).HasMaxLength(128).IsRequired();
        b.HasIndex(d => new { d.CaseId, d.Kind });
        b.HasIndex(d => d.Number);
    }
}

internal sealed class CaseFineLineConfiguration : IEntityTypeConfiguration<CaseFineLine>
{
    public void Configure(EntityTypeBuilder<CaseFineLine> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Party).HasConversion<string>().HasMaxLength(24);
        b.Property(f => f.PartyName).HasMaxLength(200).IsRequired();
        b.Property(f => f.RuleCode).HasMaxLength(64).IsRequired();
        b.Property(f => f.LegalBasis).HasMaxLength(500).IsRequired();
        b.Property(f => f.Measures).HasMaxLength(200).IsRequired();
        b.HasIndex(f => f.CaseId);
    }
}

internal sealed class CaseClockDecisionConfiguration : IEntityTypeConfiguration<CaseClockDecision>
{
    public void Configure(EntityTypeBuilder<CaseClockDecision> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.ClockCode).HasMaxLength(64).IsRequired();
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Reason).HasMaxLength(CaseClockDecision.ReasonMaxLength).IsRequired();
        b.Property(d => d.ApprovedBy).HasMaxLength(128).IsRequired();
        b.Ignore(d => d.IsOpenPause);
        b.HasIndex(d => d.CaseId);
    }
}

internal sealed class RevocationRequestConfiguration : IEntityTypeConfiguration<CertificateRevocationRequest>
{
    public void Configure(EntityTypeBuilder<CertificateRevocationRequest> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.CaseRegionCode).HasMaxLength(6).IsRequired();
        b.Property(r => r.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(r => r.CertificateNumber).HasMaxLength(32).IsRequired();
        b.Property(r => r.Ground).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Note).HasMaxLength(CertificateRevocationRequest.TextMaxLength).IsRequired();
        b.Property(r => r.RequestedBy).HasMaxLength(128).IsRequired();
        b.Property(r => r.DecidedBy).HasMaxLength(128);
        b.Property(r => r.DeclineReason).HasMaxLength(CertificateRevocationRequest.TextMaxLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Reason);
        b.HasIndex(r => new { r.RegionCode, r.Status });
        b.HasIndex(r => r.CaseId);
    }
}
