using CertGuard.Core.Credentials;
using CertGuard.Core.Regions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Credentials;

/// <summary>
/// The platform's signing keys: the province root key (signs the trust list and status lists, ES256 so every verifier
/// can check it) and one active key per issuing authority (ES256 or SM2, as configured), with rotation.
/// </summary>
public sealed class KeyRing(CertGuardDbContext db, IDataProtectionProvider protection, TimeProvider clock, IOptions<CredentialOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("CertGuard.Credentials.PrivateKeys.v1");

    /// <summary>The algorithm an authority signs with: <c>Credentials:Algorithms:{code}</c>, else ES256.</summary>
    public CoseAlgorithm AlgorithmOf(string authority) =>
        options.Value.Algorithms.TryGetValue(authority, out var algorithm) && string.Equals(algorithm, "SM2", StringComparison.OrdinalIgnoreCase) ? CoseAlgorithm.Sm2Sm3 : CoseAlgorithm.ES256;

    /// <summary>Creates a key; an active key of the same authority and purpose is rotated to verify-only.</summary>
    public async Task<CredentialKeyRecord> CreateAsync(CoseAlgorithm algorithm, string authority, string purpose, CancellationToken ct = default)
    {
        if (purpose == CredentialKeyRecord.RootPurpose && algorithm != CoseAlgorithm.ES256)
            throw new ArgumentException("根密钥必须使用 ES256，所有核验端（包括浏览器）都能校验。", nameof(algorithm));
        if (purpose == CredentialKeyRecord.CertificatePurpose && !RegionDirectory.Guangdong.IsCity(authority))
            throw new ArgumentException($"“{authority}”不是地级以上市的发证机关代码。", nameof(authority));
        var now = clock.GetUtcNow();
        foreach (var previous in await db.CredentialKeys.Where(k => k.Authority == authority && k.Purpose == purpose && k.Status == KeyStatus.Active).ToListAsync(ct))
            previous.StopSigning(now);
        using var key = SigningKey.Generate(algorithm);
        var record = new CredentialKeyRecord(key, authority, purpose, _protector.Protect(Convert.ToBase64String(key.ExportPkcs8())), now);
        db.CredentialKeys.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>Retires a key: what it signed is no longer trusted. False when there is no such key.</summary>
    public async Task<bool> RetireAsync(string kid, CancellationToken ct = default)
    {
        var record = await db.CredentialKeys.SingleOrDefaultAsync(k => k.Kid == kid, ct);
        if (record is null) return false;
        record.Retire(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The root key and one key per city, created when missing (first start of a demo or a new database).</summary>
    public async Task EnsureKeysAsync(CancellationToken ct = default)
    {
        var province = RegionDirectory.Guangdong.Province.Code;
        if (!await db.CredentialKeys.AnyAsync(k => k.Purpose == CredentialKeyRecord.RootPurpose && k.Status == KeyStatus.Active, ct))
            await CreateAsync(CoseAlgorithm.ES256, province, CredentialKeyRecord.RootPurpose, ct);
        var withKeys = await db.CredentialKeys.Where(k => k.Purpose == CredentialKeyRecord.CertificatePurpose && k.Status == KeyStatus.Active)
            .Select(k => k.Authority).ToListAsync(ct);
        foreach (var city in RegionDirectory.Guangdong.Cities.Where(c => !withKeys.Contains(c.Code)))
            await CreateAsync(AlgorithmOf(city.Code), city.Code, CredentialKeyRecord.CertificatePurpose, ct);
    }

    /// <summary>The active signing key of an authority, or of the root.</summary>
    public async Task<SigningKey> ActiveKeyAsync(string authority, string purpose, CancellationToken ct = default)
    {
        var record = await db.CredentialKeys.AsNoTracking()
            .Where(k => k.Authority == authority && k.Purpose == purpose && k.Status == KeyStatus.Active)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"发证机关 {authority} 没有可用的签名密钥：请先运行 certguard keys create。");
        return SigningKey.ImportPkcs8(Convert.FromBase64String(_protector.Unprotect(record.ProtectedPrivateKey)));
    }

    public Task<SigningKey> RootKeyAsync(CancellationToken ct = default) =>
        ActiveKeyAsync(RegionDirectory.Guangdong.Province.Code, CredentialKeyRecord.RootPurpose, ct);

    /// <summary>The trust list: every certificate key ever used, with its status; version = newest key change.</summary>
    public async Task<TrustList> TrustListAsync(CancellationToken ct = default)
    {
        var keys = await db.CredentialKeys.AsNoTracking().Where(k => k.Purpose == CredentialKeyRecord.CertificatePurpose)
            .OrderBy(k => k.Authority).ThenBy(k => k.CreatedAt).ToListAsync(ct);
        var changed = keys.Select(k => k.StatusChangedAt ?? k.CreatedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        return new TrustList(RegionDirectory.Guangdong.Province.Code, changed, changed.ToUnixTimeMilliseconds(), keys.Select(k => k.ToTrustedKey()).ToList());
    }
}
