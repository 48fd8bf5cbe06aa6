using CertGuard.Core.Employers;
using CertGuard.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Employers;

/// <summary>The employer registration columns of <see cref="Organisation"/> (the rest is OrganisationConfiguration's).</summary>
internal sealed class OrganisationEmployerConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Industry).HasMaxLength(32);
        b.Property(o => o.ContactName).HasMaxLength(EmployerDetails.ContactMaxLength);
        b.Property(o => o.ContactPhone).HasMaxLength(EmployerDetails.ContactMaxLength);
        // Existing organisations were set up by the platform: the migration gives them "Approved".
        b.Property(o => o.Approval).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.ApprovalNote).HasMaxLength(Organisation.ApprovalNoteMaxLength);
        b.Property(o => o.DecidedBy).HasMaxLength(128);
    }
}
