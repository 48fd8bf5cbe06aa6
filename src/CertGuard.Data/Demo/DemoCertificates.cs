using CertGuard.Core.Accounts;
using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Organisations;
using CertGuard.Core.Regions;

namespace CertGuard.Data.Demo;

/// <summary>
/// Generates certificates with a lived history: each is issued on a past day and then walked through its reviews
/// with the domain's own transitions, so every state occurs and every history is one the rules allow.
/// </summary>
internal sealed class DemoCertificates
{
    private static readonly string[] CommonItems = ["1.1", "1.2", "2.1", "3.1", "3.2", "4.1", "9.16", "1.3", "2.2", "8.1"];
    private static readonly ReviewFailureReason[] FailureReasons = Enum.GetValues<ReviewFailureReason>();
    private static readonly RevocationReason[] RevocationReasons = Enum.GetValues<RevocationReason>();

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly CertificateRules _rules;
    private readonly Dictionary<string, Guid> _authorityByCity;
    private readonly Dictionary<string, Guid[]> _employersByCity;
    private readonly string[] _cityPool;
    private readonly HashSet<(string, string)> _taken;

    public DemoCertificates(Random random, DateOnly today, CertificateRules rules, IReadOnlyList<Organisation> organisations, HashSet<(string, string)> taken)
    {
        _random = random;
        _today = today;
        _rules = rules;
        _taken = taken;
        _authorityByCity = organisations.Where(o => o.Kind == Role.IssuingAuthority.Id).ToDictionary(o => o.RegionCode, o => o.Id);
        _employersByCity = organisations.Where(o => o.Kind == Role.Employer.Id).GroupBy(o => o.RegionCode).ToDictionary(g => g.Key, g => g.Select(o => o.Id).ToArray());
        // Big cities issue more; the demo city gets enough to browse.
        _cityPool = RegionDirectory.Guangdong.Cities
            .SelectMany(c => Enumerable.Repeat(c.Code, c.Code switch { "440100" => 8, "440300" => 7, "440600" or "441900" => 4, _ => 1 }))
            .ToArray();
    }

    public IEnumerable<Certificate> Generate(int count)
    {
        var produced = 0;
        while (produced < count)
        {
            var city = _cityPool[_random.Next(_cityPool.Length)];
            var issuedOn = _today.AddDays(-_random.Next(0, 8 * 365));
            var birth = issuedOn.AddYears(-_random.Next(19, 56)).AddDays(-_random.Next(0, 365));
            var id = ResidentIdNumber.Parse(DemoPeople.IdNumber(_random, city, birth), _today);
            var name = DemoPeople.Name(_random, id.Sex);
            // One in five holders is certified for a second item.
            var items = _random.Next(5) == 0 ? 2 : 1;
            for (var i = 0; i < items && produced < count; i++)
            {
                var item = PickItem();
                if (!_taken.Add((id.Value, item))) continue;
                yield return Live(id, name, item, city, i == 0 ? issuedOn : issuedOn.AddDays(_random.Next(0, 400)));
                produced++;
            }
        }
    }

    private string PickItem() => _random.Next(3) > 0
        ? CommonItems[_random.Next(CommonItems.Length)]
        : FirstCatalogue.Items[_random.Next(FirstCatalogue.Items.Count)].Code;

    // Demo issue dates reach years back: only items of the first shipped catalogue were issuable on all of them.
    private static readonly OperationCatalogue FirstCatalogue = Core.ReferenceData.ReferenceDataSet.Shipped.Versions[0].Catalogue;

    private Certificate Live(ResidentIdNumber id, string name, string item, string city, DateOnly issuedOn)
    {
        if (issuedOn > _today) issuedOn = _today;
        var officer = $"{RegionDirectory.Guangdong.NameOf(city)}应急管理局";
        Guid? employer = _employersByCity.TryGetValue(city, out var employers) && _random.Next(3) == 0 ? employers[_random.Next(employers.Length)] : null;
        var certificate = Certificate.Issue(
            new IssueRequest(id, name, item, issuedOn, city, _authorityByCity[city], employer, officer), _rules, FixedClock.On(issuedOn));

        if (_random.Next(30) == 0)
            certificate.GrantExtendedReviewInterval(12, false, officer, _rules, FixedClock.On(issuedOn));

        while (certificate.NextReviewDue < _today)
        {
            var roll = _random.Next(100);
            if (roll >= 86) break; // never reviewed: overdue, or expired at the end of validity
            var on = certificate.NextReviewDue.AddDays(-_random.Next(0, _rules.ReviewWindowDays));
            if (roll < 80)
            {
                certificate.PassReview(on, officer, _rules, FixedClock.On(on));
                continue;
            }
            certificate.FailReview(on, [FailureReasons[_random.Next(FailureReasons.Length)]], officer, _rules, FixedClock.On(on));
            break;
        }

        var end = _random.Next(100);
        var lastStep = certificate.History[^1].EffectiveOn;
        if (end < 5)
        {
            var on = Between(lastStep, _today);
            certificate.Revoke(RevocationReasons[_random.Next(RevocationReasons.Length)], on, officer, _rules, FixedClock.On(on), "演示数据");
        }
        else if (end < 8)
        {
            var on = Between(lastStep, _today);
            certificate.Cancel(_random.Next(2) == 0 ? CancellationReason.HolderRequested : CancellationReason.HolderDied, on, officer, FixedClock.On(on));
        }
        return certificate;
    }

    private DateOnly Between(DateOnly from, DateOnly to) =>
        from.AddDays(_random.Next(0, Math.Max(1, to.DayNumber - from.DayNumber)));
}
