namespace CertGuard.Core.Privacy;

/// <summary>Phone numbers as people outside the need to know see them.</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// Hides the four characters before the last four and keeps what precedes them: 138****8000 for a mobile,
    /// 020-****5469 for a landline with its area code; four characters or fewer are hidden whole.
    /// </summary>
    public static string Mask(string phone) =>
        phone.Length <= 4
            ? new string('*', phone.Length)
            : string.Concat(phone.AsSpan(0, Math.Max(0, phone.Length - 8)), new string('*', Math.Min(4, phone.Length - 4)), phone.AsSpan(phone.Length - 4));
}
