using CertGuard.Core.Employers;
using CertGuard.Core.Holders;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Employers;

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> b)
    {
        b.ToTable("Positions");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(Position.NameMaxLength).IsRequired();
        b.Property(p => p.ItemCodes).HasMaxLength(200).IsRequired();
        b.Property(p => p.Duties).HasMaxLength(Position.DutiesMaxLength);
        b.Ignore(p => p.Items);
        // Rosters name positions: one name per employer.
        b.HasIndex(p => new { p.OrganisationId, p.Name }).IsUnique();
    }
}

internal sealed class RosterCheckConfiguration : IEntityTypeConfiguration<RosterCheck>
{
    public void Configure(EntityTypeBuilder<RosterCheck> b)
    {
        b.ToTable("RosterChecks");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.FileName).HasMaxLength(RosterCheck.FileNameMaxLength).IsRequired();
        b.Property(c => c.CheckedBy).HasMaxLength(128).IsRequired();
        b.Property(c => c.VerdictCounts).HasMaxLength(400).IsRequired();
        b.Property(c => c.PositionRates).IsRequired();
        b.Ignore(c => c.Rate);
        b.Ignore(c => c.Counts);
        b.Ignore(c => c.Positions);
        // An employer's history; a city's current snapshots.
        b.HasIndex(c => new { c.OrganisationId, c.At });
        b.HasIndex(c => new { c.RegionCode, c.IsCurrent });
        // One current roster per employer, whatever races: "IsCurrent" is a boolean in PostgreSQL and 0/1 in SQLite,
        // a true condition in both.
        b.HasIndex(c => c.OrganisationId).IsUnique().HasFilter("\"IsCurrent\"").HasDatabaseName(RosterCheckIndexes.OneCurrent);
    }
}

/// <summary>Names of the roster checks' indexes that code refers to.</summary>
public static class RosterCheckIndexes
{
    public const string OneCurrent = "UX_RosterChecks_OneCurrent";

    /// <summary>Before the index: of an employer's current rosters only the newest stays current (SQLite and PostgreSQL alike).</summary>
    public const string SupersedeDuplicatesSql = """
        UPDATE "RosterChecks" SET "IsCurrent" = FALSE
        WHERE "IsCurrent" AND EXISTS (
            SELECT 1 FROM "RosterChecks" AS newer
            WHERE newer."OrganisationId" = "RosterChecks"."OrganisationId" AND newer."IsCurrent"
              AND (newer."At" > "RosterChecks"."At" OR (newer."At" = "RosterChecks"."At" AND newer."Id" > "RosterChecks"."Id")));
        """;
}

internal sealed class RosterRowConfiguration : IEntityTypeConfiguration<RosterRow>
{
    public void Configure(EntityTypeBuilder<RosterRow> b)
    {
        b.ToTable("RosterRows");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Name).HasMaxLength(HolderNames.MaxLength).IsRequired();
        b.Property(r => r.Number).HasMaxLength(RosterRow.NumberMaxLength).IsRequired();
        b.Property(r => r.PositionName).HasMaxLength(Position.NameMaxLength);
        b.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Reason).HasMaxLength(RosterRow.ReasonMaxLength).IsRequired();
        b.Property(r => r.ItemCode).HasMaxLength(8);
        b.Property(r => r.CertificateRegion).HasMaxLength(6);
        b.Ignore(r => r.IsCounted);
        b.HasOne<RosterCheck>().WithMany().HasForeignKey(r => r.CheckId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.CheckId, r.Row });
    }
}

internal sealed class RectificationItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    public void Configure(EntityTypeBuilder<RectificationItem> b)
    {
        b.ToTable("Rectifications");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(i => i.WorkerName).HasMaxLength(HolderNames.MaxLength).IsRequired();
        b.Property(i => i.Number).HasMaxLength(RosterRow.NumberMaxLength).IsRequired();
        b.Property(i => i.PositionName).HasMaxLength(Position.NameMaxLength);
        b.Property(i => i.Verdict).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.RequiredAction).HasConversion<string>().HasMaxLength(24);
        b.Property(i => i.Reason).HasMaxLength(RosterRow.ReasonMaxLength).IsRequired();
        b.Property(i => i.CertificateRegion).HasMaxLength(6);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.ActionTaken).HasMaxLength(RectificationItem.TextMaxLength);
        b.Property(i => i.ReportedBy).HasMaxLength(128);
        b.Property(i => i.OfficeNote).HasMaxLength(RectificationItem.TextMaxLength);
        b.Property(i => i.DecidedBy).HasMaxLength(128);
        // The employer's items by worker; the city office's queue by state and deadline.
        b.HasIndex(i => new { i.OrganisationId, i.Status, i.Number });
        b.HasIndex(i => new { i.RegionCode, i.Status, i.Deadline });
    }
}
