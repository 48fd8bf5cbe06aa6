using CertGuard.Core.Certificates;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertGuard.Data.ReferenceData;

/// <summary>
/// The versions in use by this instance: the shipped ones plus those loaded into the database, parsed once and shared.
/// Hot paths (the public query, the import) read <see cref="Current"/> without waiting: when the copy is older than
/// <see cref="RefreshInterval"/> one reader starts a reload in the background and everyone keeps the old copy until it
/// lands. A new version must take effect on a later day than it is confirmed, so every instance has it in time.
/// </summary>
public sealed class ReferenceDataProvider(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReferenceDataProvider> logger)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private ReferenceDataSet? _set;
    private DateTimeOffset _loadedAt;
    private int _reloading;

    public ReferenceDataSet Current
    {
        get
        {
            var set = Volatile.Read(ref _set);
            if (set is null)
            {
                lock (_gate) set = _set ??= Load();
                return set;
            }
            if (clock.GetUtcNow() - _loadedAt > RefreshInterval && Interlocked.Exchange(ref _reloading, 1) == 0)
                _ = Task.Run(() =>
                {
                    try { Volatile.Write(ref _set, Load()); }
                    finally { Volatile.Write(ref _reloading, 0); }
                });
            return set;
        }
    }

    /// <summary>The version in force today (UTC+8).</summary>
    public ReferenceDataVersion Today => Current.InForce(ChinaTime.Today(clock));

    public CertificateRules RulesOn(DateOnly date) => Current.RulesOn(date);

    /// <summary>Reads the database again now (after this instance confirmed a version).</summary>
    public void Reload() => Volatile.Write(ref _set, Load());

    private ReferenceDataSet Load()
    {
        _loadedAt = clock.GetUtcNow();
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            var records = db.Set<ReferenceDataRecord>().AsNoTracking().OrderBy(r => r.EffectiveFrom).ToList();
            return ReferenceDataSet.Shipped.With(records.Select(r => ReferenceDataValidator.Build(ReferenceDataDocument.Parse(r.Document))));
        }
#pragma warning disable CA1031 // Before the first migration there is no table: the shipped versions still decide.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Reference data versions could not be read from the database; using the shipped versions.");
            _loadedAt = clock.GetUtcNow() - RefreshInterval + TimeSpan.FromSeconds(5);
            return ReferenceDataSet.Shipped;
        }
    }
}
