using System.Collections.Concurrent;
using System.Reflection;
using CertGuard.Core.Auditing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;

namespace CertGuard.Data.Audit;

/// <summary>Whether an entity type is audited: read from its <see cref="AuditedAttribute"/> or <see cref="NotAuditedAttribute"/>.</summary>
public static class AuditMarkers
{
    // Types of ASP.NET Core Identity and Data Protection cannot carry our attributes: decided here, with the reason.
    private static readonly Dictionary<Type, AuditDecision> Framework = new()
    {
        [typeof(IdentityUserRole<string>)] = AuditDecision.Audit,
        [typeof(IdentityRole)] = AuditDecision.Skip("the fixed roles of DESIGN §2, written at start-up"),
        [typeof(IdentityRoleClaim<string>)] = AuditDecision.Skip("not used: roles carry no claims"),
        [typeof(IdentityUserClaim<string>)] = AuditDecision.Skip("not used: an account's scope is on the account, audited there"),
        [typeof(IdentityUserLogin<string>)] = AuditDecision.Skip("not used: no external sign-in providers"),
        [typeof(IdentityUserToken<string>)] = AuditDecision.Skip("secrets (reset and two-factor tokens) never enter the log"),
        [typeof(IdentityUserPasskey<string>)] = AuditDecision.Skip("not used: no passkeys"),
        [typeof(DataProtectionKey)] = AuditDecision.Skip("key material never enters the log"),
    };

    private static readonly ConcurrentDictionary<Type, AuditDecision?> Cache = new();

    /// <summary>The decision for <paramref name="type"/>, or null when nobody decided (a test fails then).</summary>
    public static AuditDecision? For(Type type) => Cache.GetOrAdd(type, static t =>
        Framework.TryGetValue(t, out var known) ? known
        : t.GetCustomAttribute<AuditedAttribute>() is not null ? AuditDecision.Audit
        : t.GetCustomAttribute<NotAuditedAttribute>() is { } skip ? AuditDecision.Skip(skip.Reason)
        : null);

    public static bool IsAudited(Type type) => For(type)?.Audited == true;
}

/// <summary>Audited, or not with a reason.</summary>
public sealed record AuditDecision(bool Audited, string? Reason)
{
    public static readonly AuditDecision Audit = new(true, null);

    public static AuditDecision Skip(string reason) => new(false, reason);
}
