using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Registry.Import;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.ToTable("ImportJobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.Id).ValueGeneratedNever();
        b.Property(j => j.FileName).HasMaxLength(ImportJob.FileNameMaxLength).IsRequired();
        b.Property(j => j.StoredFile).HasMaxLength(1024).IsRequired();
        b.Property(j => j.SubmittedBy).HasMaxLength(128).IsRequired();
        b.Property(j => j.ScopeCity).HasMaxLength(6);
        b.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.Owner).HasMaxLength(128).IsRequired();
        b.Property(j => j.FailureCode).HasMaxLength(64);
        b.Property(j => j.FailureMessage).HasMaxLength(1000);
        b.Ignore(j => j.Finished);
        // A restarted host looks up its unfinished jobs.
        b.HasIndex(j => new { j.Owner, j.State });
    }
}
