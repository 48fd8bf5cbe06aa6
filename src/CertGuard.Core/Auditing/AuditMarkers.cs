namespace CertGuard.Core.Auditing;

/// <summary>
/// Every change of an entity of this type (create, update, delete, with before and after) goes to the audit log.
/// Put it on entities that hold personal data or a decision; a test fails for an entity type of the database that is
/// neither audited nor excluded with <see cref="NotAuditedAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditedAttribute : Attribute;

/// <summary>Changes of this type are not audited, on purpose: <see cref="Reason"/> says why (e.g. audited through another entity).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
