namespace CertGuard.Data.Registry;

/// <summary>
/// Every certificate event carries a database-wide sequence number (a shadow property: the domain has no use for it),
/// assigned at save under the write lock, so that the exchange change feed can be read in commit order from a cursor.
/// </summary>
public static class ChangeSequence
{
    public const string Property = "Sequence";
}
