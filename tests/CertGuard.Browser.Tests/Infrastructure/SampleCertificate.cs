namespace CertGuard.Browser.Tests.Infrastructure;

/// <summary>A <c>sample-certificate &lt;number&gt; &lt;name&gt; &lt;state&gt;</c> line of the demo credentials.</summary>
internal sealed record SampleCertificate(string Number, string HolderName, string State)
{
    /// <summary>The number as printed on the card, with its leading "T".</summary>
    public string PrintedNumber => "T" + Number;

    public static IReadOnlyList<SampleCertificate> All(IEnumerable<string> credentials) =>
        credentials
            .Where(l => l.StartsWith("sample-certificate ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => new SampleCertificate(p[1], p[2], p[3]))
            .ToList();
}
