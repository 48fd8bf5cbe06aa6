using CertGuard.Core.Holders;

namespace CertGuard.Core.Registry.Import;

/// <summary>Certificate numbers as people and files write them: with or without the leading T printed on cards, full-width or not.</summary>
public static class CertificateNumbers
{
    public static string Normalize(string text)
    {
        var value = ResidentIdNumber.Normalize(text);
        return value.Length == 19 && value[0] is 'T' or 't' ? value[1..] : value;
    }
}
