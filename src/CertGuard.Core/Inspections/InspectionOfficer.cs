namespace CertGuard.Core.Inspections;

/// <summary>
/// One officer of an on-site inspection: an inspector account of the city (<see cref="AccountName"/>), or a typed name
/// with the law-enforcement certificate number (执法证号) for an officer without an account (another department's).
/// </summary>
public sealed record InspectionOfficer(string Name, string? BadgeNumber, string? AccountName)
{
    public const int NameMaxLength = 64;
    public const int BadgeMaxLength = 32;

    /// <summary>Who this officer is, for "never the same person twice": the account, else the badge number.</summary>
    public string Identity => AccountName is { } account ? "account:" + account : "badge:" + (BadgeNumber ?? "").ToUpperInvariant();
}

/// <summary>The rule of the on-site record (现场检查记录): at least two officers (执法人员不得少于两人), each a different person.</summary>
public static class InspectionOfficers
{
    public const int MaxOfficers = 8;

    public static IReadOnlyList<InspectionOfficer> Validate(IEnumerable<InspectionOfficer> officers)
    {
        var list = officers.Select(Clean).ToList();
        if (list.Count > MaxOfficers) throw Refusal.Invalid("INSPECTION-OFFICERS-TOO-MANY", ("max", MaxOfficers));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var officer in list)
        {
            if (!seen.Add(officer.Identity)) throw Refusal.Invalid("INSPECTION-OFFICER-TWICE", ("name", officer.Name));
        }
        // Two entries of one person under two ways of naming him (an account and a typed badge) are caught by name.
        if (list.Select(o => o.Name).Distinct(StringComparer.Ordinal).Count() != list.Count)
            throw Refusal.Invalid("INSPECTION-OFFICER-TWICE", ("name", list.GroupBy(o => o.Name).First(g => g.Count() > 1).Key));
        if (list.Count < 2) throw Refusal.Invalid("INSPECTION-TWO-OFFICERS", ("count", list.Count));
        return list;
    }

    private static InspectionOfficer Clean(InspectionOfficer officer)
    {
        var name = (officer.Name ?? "").Trim();
        var badge = string.IsNullOrWhiteSpace(officer.BadgeNumber) ? null : officer.BadgeNumber.Trim();
        if (name.Length is 0 or > InspectionOfficer.NameMaxLength) throw Refusal.Invalid("INSPECTION-OFFICER-NAME", ("max", InspectionOfficer.NameMaxLength));
        if (badge is { Length: > InspectionOfficer.BadgeMaxLength }) throw Refusal.Invalid("INSPECTION-OFFICER-BADGE", ("name", name));
        // An officer without an account is known by the badge number alone: it is required.
        if (officer.AccountName is null && badge is null) throw Refusal.Invalid("INSPECTION-OFFICER-BADGE", ("name", name));
        return officer with { Name = name, BadgeNumber = badge };
    }
}
