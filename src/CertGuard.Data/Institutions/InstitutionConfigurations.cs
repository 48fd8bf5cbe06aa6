using System.Text.Encodings.Web;
using System.Text.Json;
using CertGuard.Core.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertGuard.Data.Institutions;

internal sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersion>
{
    public void Configure(EntityTypeBuilder<QuestionnaireVersion> b)
    {
        b.ToTable("SelfCheckQuestionnaires");
        // The version number is the key: two editors publishing the same next version collide instead of forking.
        b.HasKey(q => q.Version);
        b.Property(q => q.Version).ValueGeneratedNever();
        b.Property(q => q.PublishedBy).HasMaxLength(128).IsRequired();
        b.Property(q => q.Change).HasMaxLength(QuestionnaireVersion.ChangeMaxLength).IsRequired();
        b.Property(q => q.Questions).HasConversion(JsonList.Converter<SelfCheckQuestion>(), JsonList.Comparer<SelfCheckQuestion>()).IsRequired();
    }
}

internal sealed class SelfCheckSubmissionConfiguration : IEntityTypeConfiguration<SelfCheckSubmission>
{
    public void Configure(EntityTypeBuilder<SelfCheckSubmission> b)
    {
        b.ToTable("SelfCheckSubmissions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.InstitutionKind).HasMaxLength(32).IsRequired();
        b.Property(s => s.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(s => s.SubmittedBy).HasMaxLength(128).IsRequired();
        b.Property(s => s.Answers).HasConversion(JsonList.Converter<SelfCheckAnswer>(), JsonList.Comparer<SelfCheckAnswer>()).IsRequired();
        b.Ignore(s => s.Failed);
        // An institution's history; a city's latest results.
        b.HasIndex(s => new { s.OrganisationId, s.SubmittedAt });
        b.HasIndex(s => new { s.RegionCode, s.SubmittedAt });
    }
}

/// <summary>Immutable lists of records stored as one JSON text column (readable Chinese, compared by value).</summary>
internal static class JsonList
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<T>, string> Converter<T>() =>
        new(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<List<T>>(s, Options) ?? new List<T>());

    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() =>
        new((a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
            v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
            v => v.ToList());
}
