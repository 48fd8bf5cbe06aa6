using System.Globalization;

namespace CertGuard.Core;

/// <summary>
/// A rule of the domain refused an action. <see cref="Code"/> is stable (clients and tests key on it);
/// <see cref="Kind"/> decides the HTTP status; the text is looked up by code in <c>tools/refusal-messages.tsv</c>
/// (Chinese by default, English), filled with <see cref="Arguments"/>. Raise it through <see cref="Refusal"/>.
/// </summary>
public sealed class DomainRuleException : Exception
{
    private readonly string? _fallback;

    internal DomainRuleException(RefusalKind kind, string code, IReadOnlyDictionary<string, object?> arguments, string? fallback)
        : base(fallback ?? code)
    {
        Kind = kind;
        Code = code;
        Arguments = arguments;
        _fallback = fallback;
    }

    /// <summary>Legacy form: an inline Chinese message. Being replaced by <see cref="Refusal"/> factories.</summary>
    public DomainRuleException(string code, string message)
        : this(RefusalKind.Invalid, code, new Dictionary<string, object?>(), message)
    {
    }

    public string Code { get; }

    public RefusalKind Kind { get; }

    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The text in the current UI culture (zh-CN unless English was chosen).</summary>
    public override string Message => Describe(CultureInfo.CurrentUICulture);

    public string Describe(CultureInfo culture) =>
        RefusalMessages.TryFormat(Code, Arguments, culture, out var text) ? text : _fallback ?? Code;
}
