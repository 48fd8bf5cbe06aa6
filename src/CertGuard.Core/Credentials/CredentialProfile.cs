using System.Formats.Cbor;

namespace CertGuard.Core.Credentials;

/// <summary>
/// What differs between credential kinds sharing the decoder: the prefix and the claims schema. CG1 is ours;
/// HC1 (EU Digital COVID Certificate) proves the pipeline against vectors nobody here wrote.
/// </summary>
public sealed class CredentialProfile
{
    private CredentialProfile(string prefix, ClaimsReader readClaims)
    {
        Prefix = prefix;
        ReadClaims = readClaims;
    }

    public delegate ClaimsRead ClaimsReader(byte[] cbor);

    public string Prefix { get; }

    public ClaimsReader ReadClaims { get; }

    public static CredentialProfile Cg1 { get; } = new("CG1:", cbor =>
    {
        var claims = Cg1Claims.TryRead(cbor, out var problem);
        return claims is null ? ClaimsRead.Invalid(problem!) : new ClaimsRead(claims.IssuedAt, claims.ExpiresAt, claims, null);
    });

    /// <summary>HC1: a CWT whose health certificate (claim -260) must be present; dates from claims 6 and 4.</summary>
    public static CredentialProfile Hc1 { get; } = new("HC1:", cbor =>
    {
        try
        {
            var cwt = CwtMap.Read(cbor);
            return cwt.Private(-260) is null ? ClaimsRead.Invalid("缺少健康证书（-260）") : new ClaimsRead(cwt.IssuedAt, cwt.ExpiresAt, null, null);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            return ClaimsRead.Invalid("CBOR 格式错误");
        }
    });
}

/// <summary>Claims as the verifier needs them: the validity instants, and CG1's fields when the profile is CG1.</summary>
public sealed record ClaimsRead(DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt, Cg1Claims? Cg1, string? Problem)
{
    public static ClaimsRead Invalid(string problem) => new(null, null, null, problem);
}
