using System.Security.Cryptography;
using CertGuard.Data.Protection;

namespace CertGuard.Data.Audit;

/// <summary>
/// The keys of the audit chain, derived from the external key: an entry's hash is an HMAC, so whoever holds only the
/// database cannot recompute a valid chain after editing it, nor sign a checkpoint. Entries written under a key from
/// before a rotation still verify with it (<see cref="ExternalKeyOptions.PreviousMasterKeys"/>).
/// </summary>
public sealed class AuditSeal
{
    private const string EntryPurpose = "CertGuard audit chain HMAC v1";
    private const string CheckpointPurpose = "CertGuard audit checkpoint v1";

    private readonly byte[] _entryKey;
    private readonly List<byte[]> _entryKeys;
    private readonly byte[] _checkpointKey;
    private readonly List<byte[]> _checkpointKeys;

    public AuditSeal(ExternalKeys keys)
    {
        KeyId = keys.Current.Id;
        _entryKeys = keys.All.Select(k => k.Derive(EntryPurpose)).ToList();
        _checkpointKeys = keys.All.Select(k => k.Derive(CheckpointPurpose)).ToList();
        _entryKey = _entryKeys[0];
        _checkpointKey = _checkpointKeys[0];
    }

    /// <summary>The id of the external key new entries are sealed with (not secret).</summary>
    public string KeyId { get; }

    public string Hash(AuditEntry entry) => Convert.ToHexStringLower(HMACSHA256.HashData(_entryKey, AuditChain.Canonical(entry)));

    public bool Matches(AuditEntry entry) => AnyMatches(_entryKeys, AuditChain.Canonical(entry), entry.Hash);

    public string SignCheckpoint(byte[] canonical) => Convert.ToHexStringLower(HMACSHA256.HashData(_checkpointKey, canonical));

    public bool CheckpointMatches(byte[] canonical, string signature) => AnyMatches(_checkpointKeys, canonical, signature);

    private static bool AnyMatches(List<byte[]> keys, byte[] data, string hex)
    {
        byte[] expected;
        try
        {
            expected = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, data), expected)) return true;
        }
        return false;
    }
}
