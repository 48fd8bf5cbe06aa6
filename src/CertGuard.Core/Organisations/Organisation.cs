using CertGuard.Core.Auditing;

namespace CertGuard.Core.Organisations;

/// <summary>
/// A body an account belongs to: an office, an issuing authority, a police bureau, an employer, an institution.
/// <see cref="Kind"/> is the id of the role its accounts hold (see <see cref="Accounts.Role"/>).
/// </summary>
[Audited]
public sealed partial class Organisation
{
    private Organisation()
    {
        Name = Kind = RegionCode = "";
    }

    public Organisation(string name, string kind, string regionCode, string? creditCode = null)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Kind = kind;
        RegionCode = regionCode;
        CreditCode = creditCode;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Kind { get; private set; }

    public string RegionCode { get; private set; }

    /// <summary>统一社会信用代码 (GB 32100), where the organisation has one.</summary>
    public string? CreditCode { get; private set; }
}
