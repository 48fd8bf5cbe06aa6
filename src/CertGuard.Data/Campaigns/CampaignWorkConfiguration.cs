using CertGuard.Core.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Campaigns;

internal sealed class CampaignPhaseConfiguration : IEntityTypeConfiguration<CampaignPhase>
{
    public void Configure(EntityTypeBuilder<CampaignPhase> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(CampaignPhase.NameMaxLength).IsRequired();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.CampaignId, p.Order }).IsUnique();
    }
}

internal sealed class CampaignTaskConfiguration : IEntityTypeConfiguration<CampaignTask>
{
    public void Configure(EntityTypeBuilder<CampaignTask> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Department).HasMaxLength(16).IsRequired();
        b.Property(t => t.Text).HasMaxLength(CampaignTask.TextMaxLength).IsRequired();
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<CampaignPhase>().WithMany().HasForeignKey(t => t.PhaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.CampaignId, t.PhaseId });
    }
}

internal sealed class WorkingGroupMemberConfiguration : IEntityTypeConfiguration<WorkingGroupMember>
{
    public void Configure(EntityTypeBuilder<WorkingGroupMember> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Name).HasMaxLength(WorkingGroupMember.FieldMaxLength).IsRequired();
        b.Property(m => m.Unit).HasMaxLength(WorkingGroupMember.FieldMaxLength).IsRequired();
        b.Property(m => m.Post).HasMaxLength(WorkingGroupMember.FieldMaxLength).IsRequired();
        b.Property(m => m.Phone).HasMaxLength(WorkingGroupMember.FieldMaxLength).IsRequired();
        b.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.CampaignId);
    }
}

internal sealed class ImplementationPlanConfiguration : IEntityTypeConfiguration<ImplementationPlan>
{
    public void Configure(EntityTypeBuilder<ImplementationPlan> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.CityCode).HasMaxLength(6).IsRequired();
        b.Property(p => p.Text).HasMaxLength(ImplementationPlan.TextMaxLength).IsRequired();
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.SubmittedBy).HasMaxLength(128);
        b.Property(p => p.DecidedBy).HasMaxLength(128);
        b.Property(p => p.ReturnReason).HasMaxLength(MonthlyReport.ReasonMaxLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.CampaignId, p.CityCode }).IsUnique();
    }
}

internal sealed class PlanAttachmentConfiguration : IEntityTypeConfiguration<PlanAttachment>
{
    public void Configure(EntityTypeBuilder<PlanAttachment> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.CityCode).HasMaxLength(6).IsRequired();
        b.Property(a => a.FileName).HasMaxLength(PlanAttachment.FileNameMaxLength).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        b.HasIndex(a => a.OwnerId);
    }
}

internal sealed class SupervisionVisitConfiguration : IEntityTypeConfiguration<SupervisionVisit>
{
    public void Configure(EntityTypeBuilder<SupervisionVisit> b)
    {
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.CityCode).HasMaxLength(6).IsRequired();
        b.Property(v => v.Members).HasMaxLength(SupervisionVisit.TextMaxLength).IsRequired();
        b.Property(v => v.Summary).HasMaxLength(SupervisionVisit.TextMaxLength).IsRequired();
        b.Property(v => v.RecordedBy).HasMaxLength(128);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.CampaignId, v.CityCode });
    }
}

internal sealed class SupervisionTaskConfiguration : IEntityTypeConfiguration<SupervisionTask>
{
    public void Configure(EntityTypeBuilder<SupervisionTask> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.CityCode).HasMaxLength(6).IsRequired();
        b.Property(t => t.Finding).HasMaxLength(SupervisionVisit.TextMaxLength).IsRequired();
        b.Property(t => t.Report).HasMaxLength(SupervisionVisit.TextMaxLength);
        b.Property(t => t.DoneBy).HasMaxLength(128);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<SupervisionVisit>().WithMany().HasForeignKey(t => t.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.CampaignId, t.CityCode, t.Done });
    }
}

internal sealed class CircularConfiguration : IEntityTypeConfiguration<Circular>
{
    public void Configure(EntityTypeBuilder<Circular> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Title).HasMaxLength(Circular.TitleMaxLength).IsRequired();
        b.Property(c => c.Number).HasMaxLength(64).IsRequired();
        b.Property(c => c.Body).HasMaxLength(Circular.BodyMaxLength).IsRequired();
        b.Property(c => c.DraftedBy).HasMaxLength(128).IsRequired();
        b.Property(c => c.PublishedBy).HasMaxLength(128);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CampaignId, c.PeriodFrom });
    }
}

internal sealed class CampaignSummaryConfiguration : IEntityTypeConfiguration<CampaignSummary>
{
    public void Configure(EntityTypeBuilder<CampaignSummary> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.CityCode).HasMaxLength(6).IsRequired();
        b.Property(s => s.Text).HasMaxLength(CampaignSummary.TextMaxLength).IsRequired();
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.SubmittedBy).HasMaxLength(128);
        b.Property(s => s.ReturnReason).HasMaxLength(MonthlyReport.ReasonMaxLength);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.CampaignId, s.CityCode }).IsUnique();
    }
}
