using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;

namespace CertGuard.Data.Credentials;

/// <summary>Signs a certificate's current data into its CG1 QR text with its authority's active key.</summary>
public sealed class CredentialIssuer(KeyRing keys, TimeProvider clock)
{
    /// <summary>
    /// Whether this province signs the certificate's QR: not for one received from another province, which that
    /// province's keys vouch for.
    /// </summary>
    public static bool Signs(Certificate certificate) => Core.Regions.RegionDirectory.Guangdong.IsCity(certificate.RegionCode);

    public async Task<string> QrTextAsync(Certificate certificate, CancellationToken ct = default)
    {
        if (certificate.StatusListId is null || certificate.StatusIndex is null)
            throw new InvalidOperationException("证书尚未分配状态列表位置。");
        using var key = await keys.ActiveKeyAsync(certificate.RegionCode, CredentialKeyRecord.CertificatePurpose, ct);
        return Cg1Codec.Encode(ClaimsOf(certificate, clock.GetUtcNow()), key);
    }

    /// <summary>
    /// Whether a QR's claims are those of the certificate's current card: same holder data, item, dates, authority and
    /// status-list place. Not the review due date: a passed review (复审) is recorded, no new card is printed, so the card
    /// stays current. A re-issued, replaced or renewed card has a new place; a corrected name or new dates differ too.
    /// </summary>
    public static bool IsCurrent(Cg1Claims claims, Certificate c) => IsCurrent(claims, new CardFacts(c.Number, c.ItemCode, c.CategoryCode,
        c.HolderName, c.HolderSex, c.FirstIssuedOn, c.ValidFrom, c.ValidTo, c.RegionCode, c.StatusListId, c.StatusIndex));

    /// <summary>The same comparison on the columns alone (the QR check on PostgreSQL reads no entity).</summary>
    public static bool IsCurrent(Cg1Claims claims, CardFacts c) =>
        claims.Number == c.Number
        && claims.IdNumber == c.Number
        && claims.Item == c.ItemCode
        && claims.Category == c.CategoryCode
        && string.Equals(claims.Name, c.HolderName, StringComparison.Ordinal)
        && claims.Sex == (c.HolderSex == Sex.Male ? "M" : "F")
        && claims.FirstIssued == c.FirstIssuedOn
        && claims.ValidFrom == c.ValidFrom
        && claims.ValidTo == c.ValidTo
        && claims.Authority == c.RegionCode
        && claims.StatusListId == c.StatusListId
        && claims.StatusIndex == c.StatusIndex;

    public static Cg1Claims ClaimsOf(Certificate c, DateTimeOffset now) => new(
        c.RegionCode,
        now,
        ChinaTime.EndOfDay(c.ValidTo),
        c.Number,
        c.HolderName,
        c.HolderSex == Sex.Male ? "M" : "F",
        c.Number,
        c.CategoryCode,
        c.ItemCode,
        c.FirstIssuedOn,
        c.ValidFrom,
        c.ValidTo,
        c.NextReviewDue,
        c.RegionCode,
        c.StatusListId!,
        c.StatusIndex!.Value);
}

/// <summary>What a printed card shows of a certificate: the columns <see cref="CredentialIssuer.IsCurrent(Cg1Claims, CardFacts)"/> compares.</summary>
public sealed record CardFacts(string Number, string ItemCode, string CategoryCode, string HolderName, Sex HolderSex, DateOnly FirstIssuedOn,
    DateOnly ValidFrom, DateOnly ValidTo, string RegionCode, string? StatusListId, int? StatusIndex);
