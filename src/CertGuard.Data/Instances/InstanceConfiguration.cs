using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Instances;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("JobRuns");
        // One row per job and slot: a second instance's record of the same run fails instead of doubling it.
        b.HasKey(r => new { r.Job, r.Slot });
        b.Property(r => r.Job).HasMaxLength(JobRun.JobMaxLength);
        b.Property(r => r.Instance).HasMaxLength(JobRun.InstanceMaxLength);
    }
}

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public const string Table = "RateLimitCounters";

    public void Configure(EntityTypeBuilder<RateLimitCounter> b)
    {
        b.ToTable(Table);
        // Written on every public request: no WAL (counters lost in a crash only forgive a minute of limits).
        b.IsUnlogged();
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(RateLimitCounter.KeyLength).IsFixedLength();
        b.HasIndex(c => c.ExpiresAt);
    }
}
