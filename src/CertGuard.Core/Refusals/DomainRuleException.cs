using System.Globalization;

namespace CertGuard.Core;

/// <summary>
/// A rule of the domain refused an action. <see cref="Code"/> is stable (clients and tests key on it);
/// <see cref="Kind"/> decides the HTTP status; the text is looked up by code in <c>tools/refusal-messages.tsv</c>
/// (Chinese by default, English), filled with <see cref="Arguments"/>. Raise it through <see cref="Refusal"/>.
/// </summary>
public sealed class DomainRuleException : Exception
{
    internal DomainRuleException(RefusalKind kind, string code, IReadOnlyDictionary<string, object?> arguments)
        : base(code)
    {
        Kind = kind;
        Code = code;
        Arguments = arguments;
    }

    public string Code { get; }

    public RefusalKind Kind { get; }

    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The text in the current UI culture (zh-CN unless English was chosen).</summary>
    public override string Message => Describe(CultureInfo.CurrentUICulture);

    /// <summary>The text in a language; a code missing from the table shows as itself (a test keeps the table complete).</summary>
    public string Describe(CultureInfo culture) =>
        RefusalMessages.TryFormat(Code, Arguments, culture, out var text) ? text : Code;
}
