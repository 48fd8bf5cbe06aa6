using System.Text.Json;
using CertGuard.Core.Certificates;
using CertGuard.Data.Registry;
using Microsoft.EntityFrameworkCore;
using static CertGuard.Data.Campaigns.Sources.IndicatorQueries;

namespace CertGuard.Data.Campaigns.Sources;

/// <summary>
/// The registry's figures: certificates revoked or cancelled (22), issued (25) and, of those, taken by the national
/// exchange (26), from the certificates' histories, counted in the issuing city and in the window of the event.
/// </summary>
public sealed class RegistryIndicators(CertGuardDbContext db) : IIndicatorSource
{
    /// <summary>The audit entry every page of the exchange's change feed writes (docs/exchange.md): how far it read.</summary>
    public const string PullAction = "exchange-pull";

    private static readonly CertificateEventKind[] Ended = [CertificateEventKind.Revoked, CertificateEventKind.Cancelled];
    private static readonly CertificateEventKind[] Issued = [CertificateEventKind.Issued];

    public IReadOnlyCollection<string> Codes { get; } = ["22", "25", "26"];

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct)
    {
        var figures = new List<(string, IEnumerable<(string, decimal)>)>();
        var pulled = await PulledThroughAsync(ct);
        foreach (var code in Codes)
        {
            var rows = await Events(code, window, null, pulled).GroupBy(e => e.City).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            figures.Add((code, rows.Select(r => (r.Key, (decimal)r.N))));
        }
        return ByCity(figures);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct)
    {
        if (!Codes.Contains(code)) throw NotMine(code);
        var rows = await Events(code, window, cityCode, await PulledThroughAsync(ct)).ToListAsync(ct);
        return rows.Select(e => new IndicatorRecord("Statistics.Record.CertificateEvent", e.Id,
            Join(Name(e.Holder), Number(e.Number), e.ItemCode, KindName(e.Kind)), e.At, $"/registry/certificate/{e.CertificateId}")).NewestFirst();
    }

    /// <summary>
    /// The last change sequence the national platform has read: the highest "through" of the exchange's pulls (it may
    /// start again from the beginning, so not simply the latest). 0 when it never pulled.
    /// </summary>
    private async Task<long> PulledThroughAsync(CancellationToken ct)
    {
        var details = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "CertificateEvent" && a.Action == PullAction && a.After != null)
            .Select(a => a.After!).ToListAsync(ct);
        long through = 0;
        foreach (var detail in details)
        {
            try
            {
                using var json = JsonDocument.Parse(detail);
                if (json.RootElement.TryGetProperty("through", out var value) && value.TryGetInt64(out var n) && n > through) through = n;
            }
            catch (JsonException)
            {
                // An entry not written by the feed says nothing of how far it read.
            }
        }
        return through;
    }

    // Member-initialised (not positional) so that the queries can filter and group on the projection.
    private sealed class EventRow
    {
        public Guid Id { get; init; }
        public Guid CertificateId { get; init; }
        public string City { get; init; } = "";
        public string Holder { get; init; } = "";
        public string Number { get; init; } = "";
        public string ItemCode { get; init; } = "";
        public CertificateEventKind Kind { get; init; }
        public DateTimeOffset At { get; init; }
    }

    // Events have no scope filter: they are read through their (filtered) certificates. Only this province's own
    // certificates: those received from other provinces are neither issued nor revoked here.
    private IQueryable<EventRow> Events(string code, IndicatorWindow window, string? city, long pulled)
    {
        var kinds = code == "22" ? Ended : Issued;
        var events = db.CertificateEvents.AsNoTracking().Where(e => kinds.Contains(e.Kind));
        if (code == "26") events = events.Where(e => EF.Property<long>(e, ChangeSequence.Property) <= pulled);
        var certificates = db.Certificates.AsNoTracking().Where(c => c.ExchangeVersion == null);
        if (city is not null) certificates = certificates.Where(c => c.RegionCode == city);
        return (from e in events
               join c in certificates on e.CertificateId equals c.Id
               select new EventRow
               {
                   Id = e.Id, CertificateId = c.Id, City = c.RegionCode, Holder = c.HolderName, Number = c.Number, ItemCode = c.ItemCode,
                   Kind = e.Kind, At = e.OccurredAt,
               }).Within(window, r => r.City, r => r.At);
    }

    private static string KindName(CertificateEventKind kind) => kind switch
    {
        CertificateEventKind.Revoked => "撤销",
        CertificateEventKind.Cancelled => "注销",
        _ => "核发",
    };
}
