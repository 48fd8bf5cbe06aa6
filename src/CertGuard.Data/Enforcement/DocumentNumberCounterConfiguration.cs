using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Enforcement;

internal sealed class DocumentNumberCounterConfiguration : IEntityTypeConfiguration<DocumentNumberCounter>
{
    public void Configure(EntityTypeBuilder<DocumentNumberCounter> b)
    {
        // The names are fixed here because DocumentNumbers writes them in its one upsert statement.
        b.ToTable(DocumentNumbers.Table);
        b.HasKey(c => new { c.AuthorityCode, c.Kind, c.Year });
        b.Property(c => c.AuthorityCode).HasColumnName("AuthorityCode").HasMaxLength(DocumentNumberCounter.AuthorityCodeMaxLength);
        b.Property(c => c.Kind).HasColumnName("Kind").HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Year).HasColumnName("Year");
        b.Property(c => c.Next).HasColumnName("Next");
    }
}
