using CertGuard.Core.Enforcement.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Enforcement.Transfers;

internal sealed class CaseTransferConfiguration : IEntityTypeConfiguration<CaseTransfer>
{
    public void Configure(EntityTypeBuilder<CaseTransfer> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(t => t.AuthorityName).HasMaxLength(200).IsRequired();
        b.Property(t => t.CaseTitle).HasMaxLength(1000).IsRequired();
        b.Property(t => t.Party).HasMaxLength(400).IsRequired();
        b.Property(t => t.OfficersText).HasMaxLength(1000).IsRequired();
        b.Property(t => t.Reason).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.Facts).HasMaxLength(CaseTransfer.TextMaxLength).IsRequired();
        b.Property(t => t.InvestigationReport).HasMaxLength(CaseTransfer.TextMaxLength);
        b.Property(t => t.SeizedItemsText).HasMaxLength(CaseTransfer.TextMaxLength).IsRequired();
        b.Property(t => t.AppraisalReport).HasMaxLength(CaseTransfer.TextMaxLength);
        b.Property(t => t.OtherEvidence).HasMaxLength(CaseTransfer.TextMaxLength);
        b.Property(t => t.ReportedBy).HasMaxLength(128).IsRequired();
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.HeadDecidedBy).HasMaxLength(128);
        b.Property(t => t.RefusalReason).HasMaxLength(CaseTransfer.ReasonMaxLength);
        b.Property(t => t.TransferredBy).HasMaxLength(128);
        b.Property(t => t.LetterNumber).HasMaxLength(64);
        b.Property(t => t.AcceptedBy).HasMaxLength(128);
        b.Property(t => t.PoliceDecidedBy).HasMaxLength(128);
        b.Property(t => t.PoliceReason).HasMaxLength(CaseTransfer.ReasonMaxLength);
        b.Property(t => t.PoliceCaseNumber).HasMaxLength(64);
        b.Property(t => t.ReconsiderationAskedBy).HasMaxLength(128);
        b.Property(t => t.ReconsiderationReason).HasMaxLength(CaseTransfer.ReasonMaxLength);
        b.Property(t => t.ReconsiderationAnswer).HasMaxLength(CaseTransfer.ReasonMaxLength);
        b.Property(t => t.ProcuratorateAskedBy).HasMaxLength(128);
        b.Property(t => t.ProcuratorateNote).HasMaxLength(CaseTransfer.ReasonMaxLength);
        b.Property(t => t.Channel).HasConversion<string>().HasMaxLength(24);
        b.Property(t => t.CountsRecordedBy).HasMaxLength(128);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.Officers);
        b.Ignore(t => t.SeizedItems);
        b.Ignore(t => t.IsSent);
        b.HasOne<Core.Enforcement.Cases.EnforcementCase>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.CaseId);
        b.HasIndex(t => new { t.RegionCode, t.State });
        b.HasIndex(t => new { t.RegionCode, t.TransferredAt });
        b.HasIndex(t => new { t.RegionCode, t.FiledAt });
    }
}
