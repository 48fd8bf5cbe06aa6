using CertGuard.Core.Certificates;
using CertGuard.Core.Registry.Import;

namespace CertGuard.Data.Registry.Export;

/// <summary>
/// The filters of a registry search: a number (or ID number) or the start of a name, a city, a category, a state.
/// The registry page, its API, the export and <c>certguard export</c> filter with this one definition; the account's
/// scope is applied on top by the context's query filter.
/// </summary>
public sealed record RegistryFilter(string? Q = null, string? City = null, string? Category = null, CertificateState? State = null)
{
    public IQueryable<Certificate> Apply(IQueryable<Certificate> query, DateOnly today, CertificateRules rules)
    {
        var text = Q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var number = CertificateNumbers.Normalize(text);
            query = number.Length == 18 && number[..17].All(char.IsAsciiDigit)
                ? query.Where(c => c.Number == number)
                : query.Where(c => c.HolderName.StartsWith(text));
        }
        if (!string.IsNullOrEmpty(City)) query = query.Where(c => c.RegionCode == City);
        if (!string.IsNullOrEmpty(Category)) query = query.Where(c => c.CategoryCode == Category);
        if (State is { } state) query = query.Where(CertificateStateFilter.For(state, today, rules));
        return query;
    }
}
