using CertGuard.Core.Inspections;
using CertGuard.Data.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Inspections;

/// <summary>The unique indexes whose violation means "this submission was already stored" (an offline replay racing its first send).</summary>
public static class InspectionIndexes
{
    public const string InspectionKey = "IX_Inspections_ClientKey";
    public const string WorkerKey = "IX_InspectionWorkers_ClientKey";
    public const string FindingKey = "IX_InspectionFindings_ClientKey";
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("Inspections");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Target).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.OrganisationName).HasMaxLength(200).IsRequired();
        b.Property(i => i.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(i => i.PlanReason).HasMaxLength(Inspection.TextMaxLength).IsRequired();
        b.Property(i => i.PlannedBy).HasMaxLength(128).IsRequired();
        b.Property(i => i.Place).HasMaxLength(Inspection.PlaceMaxLength);
        b.Property(i => i.RecordedBy).HasMaxLength(128);
        b.Property(i => i.Conclusion).HasMaxLength(Inspection.TextMaxLength);
        b.Property(i => i.ClientKey).HasMaxLength(64);
        b.Property(i => i.Officers).HasConversion(JsonList.Converter<InspectionOfficer>(), JsonList.Comparer<InspectionOfficer>()).IsRequired();
        b.Property(i => i.Conditions).HasConversion(JsonList.Converter<ConditionCheck>(), JsonList.Comparer<ConditionCheck>()).IsRequired();
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Ignore(i => i.IsOpen);
        b.HasIndex(i => i.ClientKey).IsUnique().HasDatabaseName(InspectionIndexes.InspectionKey);
        b.HasIndex(i => new { i.RegionCode, i.Status, i.PlannedOn });
        b.HasIndex(i => new { i.OrganisationId, i.CampaignYear });
    }
}

internal sealed class InspectionWorkerConfiguration : IEntityTypeConfiguration<InspectionWorker>
{
    public void Configure(EntityTypeBuilder<InspectionWorker> b)
    {
        b.ToTable("InspectionWorkers");
        b.HasKey(w => w.Id);
        b.Property(w => w.Id).ValueGeneratedNever();
        b.Property(w => w.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(w => w.ClientKey).HasMaxLength(64).IsRequired();
        b.Property(w => w.Name).HasMaxLength(64).IsRequired();
        b.Property(w => w.Number).HasMaxLength(32).IsRequired();
        b.Property(w => w.PositionName).HasMaxLength(64);
        b.Property(w => w.QrCode).HasMaxLength(48);
        b.Property(w => w.Verdict).HasConversion<string>().HasMaxLength(24);
        b.Property(w => w.Reason).HasMaxLength(500).IsRequired();
        b.Property(w => w.ItemCode).HasMaxLength(16);
        b.Property(w => w.TrainingRecord).HasMaxLength(InspectionWorker.NoteMaxLength);
        b.Property(w => w.CertificateOrigin).HasMaxLength(InspectionWorker.NoteMaxLength);
        b.Property(w => w.RecordedBy).HasMaxLength(128).IsRequired();
        b.Ignore(w => w.SuggestedFinding);
        b.HasOne<Inspection>().WithMany().HasForeignKey(w => w.InspectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(w => w.ClientKey).IsUnique().HasDatabaseName(InspectionIndexes.WorkerKey);
        b.HasIndex(w => new { w.InspectionId, w.RecordedAt });
    }
}

internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> b)
    {
        b.ToTable("InspectionFindings");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(f => f.CertificateNumber).HasMaxLength(32);
        b.Property(f => f.Type).HasConversion<string>().HasMaxLength(32);
        b.Property(f => f.Description).HasMaxLength(InspectionFinding.TextMaxLength).IsRequired();
        b.Property(f => f.ClientKey).HasMaxLength(64).IsRequired();
        b.Property(f => f.RecordedBy).HasMaxLength(128).IsRequired();
        b.HasOne<Inspection>().WithMany().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => f.ClientKey).IsUnique().HasDatabaseName(InspectionIndexes.FindingKey);
        b.HasIndex(f => f.InspectionId);
    }
}

internal sealed class InspectionEvidenceConfiguration : IEntityTypeConfiguration<InspectionEvidence>
{
    public void Configure(EntityTypeBuilder<InspectionEvidence> b)
    {
        b.ToTable("InspectionEvidence");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(e => e.FileName).HasMaxLength(InspectionEvidence.FileNameMaxLength).IsRequired();
        b.Property(e => e.ContentType).HasMaxLength(64).IsRequired();
        b.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        b.Property(e => e.UploadedBy).HasMaxLength(128).IsRequired();
        b.HasOne<InspectionFinding>().WithMany().HasForeignKey(e => e.FindingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.FindingId);
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> b)
    {
        b.ToTable("InspectionEvidenceContent");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Bytes).IsRequired();
        b.HasOne<InspectionEvidence>().WithOne().HasForeignKey<EvidenceContent>(e => e.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CorrectionOrderConfiguration : IEntityTypeConfiguration<CorrectionOrder>
{
    public void Configure(EntityTypeBuilder<CorrectionOrder> b)
    {
        b.ToTable("CorrectionOrders");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(o => o.OrganisationName).HasMaxLength(200).IsRequired();
        b.Property(o => o.Requirements).HasMaxLength(CorrectionOrder.TextMaxLength).IsRequired();
        b.Property(o => o.IssuedBy).HasMaxLength(128).IsRequired();
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.ReportText).HasMaxLength(CorrectionOrder.TextMaxLength);
        b.Property(o => o.ReportedBy).HasMaxLength(128);
        b.Property(o => o.ReinspectedBy).HasMaxLength(128);
        b.Property(o => o.ReinspectionNote).HasMaxLength(CorrectionOrder.TextMaxLength);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.IsFinal);
        b.HasOne<Inspection>().WithMany().HasForeignKey(o => o.InspectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.OrganisationId, o.Status });
        b.HasIndex(o => new { o.RegionCode, o.Status, o.Deadline });
        b.HasIndex(o => o.InspectionId);
    }
}
