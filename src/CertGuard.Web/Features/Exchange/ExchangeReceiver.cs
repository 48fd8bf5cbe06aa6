using System.Globalization;
using CertGuard.Core;
using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Organisations;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Web.Features.Registry;
using CertGuard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Exchange;

/// <summary>
/// Takes in certificates issued by other provinces: an idempotent upsert by (number, item) and the issuing registry's
/// version. Each item is checked on its own and reported on its own; the accepted ones of a batch are written in one
/// save (with their history events and audit entries), so a batch that cannot be written changes nothing.
/// </summary>
public sealed class ExchangeReceiver(CertGuardDbContext db, TimeProvider clock)
{
    /// <summary><see cref="Organisation.Kind"/> of another province's issuing authority: it has no accounts here.</summary>
    public const string ForeignAuthorityKind = "external-authority";

    public const int MaxBatch = 1000;

    private sealed record Accepted(int Index, ExchangedCertificate State, string AuthorityName);

    public async Task<IReadOnlyList<PushResult>> ApplyAsync(IReadOnlyList<PushedCertificate?> items, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var results = new PushResult?[items.Count];
        var accepted = new List<Accepted>();
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                var (state, authorityName) = Parse(items[i], today);
                accepted.Add(new Accepted(i, state, authorityName));
            }
            catch (DomainRuleException refused)
            {
                results[i] = Refused(i, items[i], refused);
            }
        }

        var numbers = accepted.Select(a => a.State.Holder.Value).Distinct().ToList();
        var held = await db.Certificates.IgnoreQueryFilters().Where(c => numbers.Contains(c.Number)).ToListAsync(ct);
        var byKey = held.ToDictionary(c => (c.Number, c.ItemCode));
        var authorities = await AuthoritiesAsync(accepted, ct);
        foreach (var (index, state, _) in accepted)
        {
            var key = (state.Holder.Value, state.ItemCode);
            try
            {
                ExchangeOutcome outcome;
                if (byKey.TryGetValue(key, out var certificate))
                {
                    outcome = certificate.ApplyExchange(state, authorities[state.AuthorityCode], db.Actor.Name, clock);
                }
                else
                {
                    certificate = Certificate.Receive(state, authorities[state.AuthorityCode], db.Actor.Name, clock);
                    db.Certificates.Add(certificate);
                    byKey[key] = certificate;
                    outcome = ExchangeOutcome.Created;
                }
                results[index] = new PushResult(index, state.Holder.Value, state.ItemCode, state.Version, Name(outcome),
                    outcome == ExchangeOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, null, null);
            }
            catch (DomainRuleException refused)
            {
                results[index] = Refused(index, items[index], refused);
            }
        }
        await db.SaveChangesAsync(ct);
        return results.Select(r => r!).ToList();
    }


    private static PushResult Refused(int index, PushedCertificate? item, DomainRuleException refused) =>
        new(index, item?.Number, item?.ItemCode, item?.Version, "refused", RefusalStatus.Of(refused), refused.Code, refused.Message);

    private static string Name(ExchangeOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>Reads one pushed item into the domain's form; throws with a stable code for the first thing wrong.</summary>
    public static (ExchangedCertificate State, string AuthorityName) Parse(PushedCertificate? item, DateOnly today)
    {
        if (item is null) throw Refusal.Invalid("EXCHANGE-FORMAT", ("field", "item"), ("value", "null"));
        if (!ResidentIdNumber.TryParse(CertificateNumber.Normalize(item.Number ?? ""), today, out var holder, out var error))
            throw error.ToRefusal();
        if (item.Sex is { Length: > 0 } sex && SexOf(sex) != holder.Sex)
            throw Refusal.Invalid("EXCHANGE-SEX-MISMATCH");
        if (item.CategoryCode is { Length: > 0 } category && OperationCatalogue.Current.FindItem(item.ItemCode) is { } known && known.CategoryCode != category)
            throw Refusal.Invalid("EXCHANGE-CATEGORY-MISMATCH", ("item", item.ItemCode), ("category", category));
        var status = Enum.GetNames<CertificateStatus>().FirstOrDefault(n => string.Equals(n, item.Status, StringComparison.OrdinalIgnoreCase))
            ?? throw Refusal.Invalid("EXCHANGE-STATUS-UNKNOWN", ("status", item.Status), ("allowed", Enum.GetNames<CertificateStatus>()));
        var state = new ExchangedCertificate(
            holder,
            item.HolderName ?? "",
            item.ItemCode ?? "",
            Date(item.FirstIssuedOn, "firstIssuedOn"),
            Date(item.ValidFrom, "validFrom"),
            Date(item.ValidTo, "validTo"),
            Date(item.NextReviewDue, "nextReviewDue"),
            item.ExtendedReviewInterval ?? false,
            item.AuthorityCode ?? "",
            Enum.Parse<CertificateStatus>(status),
            string.IsNullOrWhiteSpace(item.StatusReason) ? null : item.StatusReason.Trim(),
            OptionalDate(item.StatusChangedOn, "statusChangedOn"),
            OptionalDate(item.ReapplicationBarredUntil, "reapplicationBarredUntil"),
            item.Version ?? 0);
        state.Validate(today);
        var name = item.AuthorityName?.Trim();
        if (name is { Length: > 128 }) throw Refusal.Invalid("EXCHANGE-FORMAT", ("field", "authorityName"), ("value", name[..16] + "…"));
        return (state, string.IsNullOrEmpty(name) ? $"{ProvinceCodes.NameOf(state.AuthorityCode[..2])}发证机关（{state.AuthorityCode}）" : name);
    }

    /// <summary>This platform's record of each issuing authority the items name, created the first time one is seen.</summary>
    private async Task<Dictionary<string, Guid>> AuthoritiesAsync(IReadOnlyList<Accepted> accepted, CancellationToken ct)
    {
        var codes = accepted.Select(a => a.State.AuthorityCode).Distinct().ToList();
        var known = await db.Organisations.Where(o => o.Kind == ForeignAuthorityKind && codes.Contains(o.RegionCode))
            .OrderBy(o => o.Id).ToListAsync(ct);
        var ids = known.GroupBy(o => o.RegionCode).ToDictionary(g => g.Key, g => g.First().Id);
        foreach (var (_, state, name) in accepted.Where(a => !ids.ContainsKey(a.State.AuthorityCode)).DistinctBy(a => a.State.AuthorityCode))
        {
            var authority = new Organisation(name, ForeignAuthorityKind, state.AuthorityCode);
            db.Organisations.Add(authority);
            ids[state.AuthorityCode] = authority.Id;
        }
        return ids;
    }

    private static Sex SexOf(string text) => text.Trim() switch
    {
        "M" or "m" or "男" => Sex.Male,
        "F" or "f" or "女" => Sex.Female,
        _ => throw Refusal.Invalid("EXCHANGE-FORMAT", ("field", "sex"), ("value", text)),
    };

    private static DateOnly Date(string? text, string field) =>
        OptionalDate(text, field) ?? throw Refusal.Invalid("EXCHANGE-FORMAT", ("field", field), ("value", ""));

    private static DateOnly? OptionalDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Refusal.Invalid("EXCHANGE-FORMAT", ("field", field), ("value", text));
    }

}
