using CertGuard.Core.Catalogue;
using CertGuard.Core.Holders;

namespace CertGuard.Core.Verification;

/// <summary>
/// Looks at what a card or a query claims, without the registry: the marks of a made-up number or card that no
/// issuing authority would produce. Used on every check the verification log keeps (queries, rosters, review checks).
/// </summary>
public static class CardForensics
{
    public const int MinimumAge = 18;

    public static IReadOnlyList<CardFinding> Examine(string? numberAsked, DateOnly today, string? categoryCode = null, string? itemCode = null,
        DateOnly? claimedFirstIssuedOn = null, OperationCatalogue? catalogue = null)
    {
        var findings = new List<CardFinding>();
        var bare = Bare(numberAsked);
        if (bare.Length > 0)
        {
            if (!ResidentIdNumber.TryParse(bare, today, out var id, out var error))
            {
                var finding = error.Code switch
                {
                    "ID-CHECK" => CardFinding.CheckCharacter,
                    "ID-PROVINCE" => CardFinding.UnknownProvince,
                    "ID-BIRTH-DATE" or "ID-BIRTH-FUTURE" => CardFinding.BirthDate,
                    "ID-EMPTY" => null,
                    _ => CardFinding.UnusedForm,
                };
                if (finding is not null) findings.Add(finding);
            }
            else if (claimedFirstIssuedOn is { } issued && id.AgeOn(issued) < MinimumAge)
            {
                findings.Add(CardFinding.UnderAge);
            }
        }
        if (categoryCode is { Length: > 0 } && itemCode is { Length: > 0 })
        {
            var known = catalogue ?? OperationCatalogue.Current;
            if (known.FindItem(itemCode) is { } item && item.CategoryCode != categoryCode) findings.Add(CardFinding.ItemOutsideCategory);
        }
        return findings;
    }

    /// <summary>The number without the printed card's leading T, normalised (full-width digits, lower-case x).</summary>
    public static string Bare(string? numberAsked)
    {
        var normal = ResidentIdNumber.Normalize(numberAsked);
        return normal.Length == 19 && normal[0] is 'T' or 't' ? normal[1..] : normal;
    }
}
