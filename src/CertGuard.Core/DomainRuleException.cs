namespace CertGuard.Core;

/// <summary>
/// A rule of the domain refused an action. <see cref="Code"/> is stable (clients and tests key on it);
/// the message is the Chinese text shown to the user.
/// </summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
