namespace CertGuard.Core;

/// <summary>
/// Raises refusals with their kind: <c>throw Refusal.Conflict("CASE-DOCUMENT-MISSING", ("document", name));</c>.
/// Every code needs a line in <c>tools/refusal-messages.tsv</c> (code, Chinese, English; <c>{name}</c> placeholders).
/// </summary>
public static class Refusal
{
    public static DomainRuleException Invalid(string code, params (string Name, object? Value)[] arguments) =>
        Create(RefusalKind.Invalid, code, arguments);

    public static DomainRuleException NotFound(string code, params (string Name, object? Value)[] arguments) =>
        Create(RefusalKind.NotFound, code, arguments);

    public static DomainRuleException Conflict(string code, params (string Name, object? Value)[] arguments) =>
        Create(RefusalKind.Conflict, code, arguments);

    public static DomainRuleException Forbidden(string code, params (string Name, object? Value)[] arguments) =>
        Create(RefusalKind.Forbidden, code, arguments);

    public static DomainRuleException TooLarge(string code, params (string Name, object? Value)[] arguments) =>
        Create(RefusalKind.TooLarge, code, arguments);

    public static DomainRuleException TooMany(string code, params (string Name, object? Value)[] arguments) =>
        Create(RefusalKind.TooMany, code, arguments);

    public static DomainRuleException Busy(string code, params (string Name, object? Value)[] arguments) =>
        Create(RefusalKind.Busy, code, arguments);

    public static DomainRuleException Create(RefusalKind kind, string code, params (string Name, object? Value)[] arguments) =>
        new(kind, code, arguments.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));
}
