using System.Security.Cryptography;
using CertGuard.Core.Auditing;

namespace CertGuard.Data.Accounts;

/// <summary>
/// A key for a machine client of an organisation, acting as one of its accounts. Only a SHA-256 hash of the
/// secret is stored; the key text is shown once when it is created.
/// </summary>
[Audited]
public sealed class ApiKey
{
    private const string Scheme = "cgk";

    private ApiKey()
    {
        Name = AccountId = Prefix = "";
        SecretHash = [];
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string AccountId { get; private set; }

    /// <summary>The public part of the key, used to find it.</summary>
    public string Prefix { get; private set; }

    public byte[] SecretHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>When the key stops working. Null for keys made before keys expired: they expire a lifetime after creation.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>When the key stops working, given the configured lifetime for keys that carry no date of their own.</summary>
    public DateTimeOffset ExpiryGiven(TimeSpan lifetime) => ExpiresAt ?? CreatedAt + lifetime;

    public bool IsExpired(DateTimeOffset now, TimeSpan lifetime) => now >= ExpiryGiven(lifetime);

    /// <summary>Creates a key; the returned text is the only time the secret exists outside the client.</summary>
    public static (ApiKey Key, string Text) Create(string name, Guid organisationId, string accountId, DateTimeOffset now, TimeSpan lifetime)
    {
        var (key, text) = Create(name, organisationId, accountId, now);
        key.ExpiresAt = now + lifetime;
        return (key, text);
    }

    /// <summary>A key with no date of its own (it expires a configured lifetime after <paramref name="now"/>).</summary>
    public static (ApiKey Key, string Text) Create(string name, Guid organisationId, string accountId, DateTimeOffset now)
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            OrganisationId = organisationId,
            AccountId = accountId,
            Prefix = prefix,
            SecretHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)),
            CreatedAt = now,
        };
        return (key, $"{Scheme}_{prefix}_{secret}");
    }

    /// <summary>Splits key text into its prefix and secret; false when it is not shaped like a key.</summary>
    public static bool TryParse(string text, out string prefix, out string secret)
    {
        prefix = secret = "";
        var parts = text.Split('_', 3);
        if (parts.Length != 3 || parts[0] != Scheme || parts[1].Length != 12 || parts[2].Length < 32) return false;
        (prefix, secret) = (parts[1], parts[2]);
        return true;
    }

    public bool Matches(string secret) =>
        RevokedAt is null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)), SecretHash);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
