using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Organisations;
using CertGuard.Core.Time;
using CertGuard.Core.Verification;
using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using CertGuard.Data.Verification;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Employers;

/// <summary>What a roster check produced: the snapshot, its rows, and how many rectification items it opened and closed.</summary>
public sealed record RosterCheckResult(RosterCheck Check, IReadOnlyList<RosterRow> Rows, int Opened, int Resolved);

/// <summary>
/// Checks an employer's roster against the registry: reads the file, judges every row (looking numbers up one batch
/// per query, never one per row), keeps the roster as the employer's workforce with its compliance snapshot, opens and
/// closes rectification items, all in one save, and then records every checked row in the verification log.
/// </summary>
public sealed class RosterChecker(
    CertGuardDbContext db, VerificationLog log, NameCheckLimits limits, TimeProvider clock, CertificateRules rules, IOptions<EmployerOptions> options,
    IActor actor, ILogger<RosterChecker>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<RosterChecker>.Instance;

    /// <summary>The audit action of the one entry for the rectification items a check opened.</summary>
    public const string OpenedAuditAction = "open-rectification-items";

    private EmployerOptions Options => options.Value;

    /// <param name="file">A seekable stream of the uploaded CSV or xlsx.</param>
    public async Task<RosterCheckResult> CheckFileAsync(Guid organisationId, string fileName, Stream file, CancellationToken ct)
    {
        var employer = await EmployerAsync(organisationId, ct);
        var started = Stopwatch.GetTimestamp();
        var lines = RosterFile.Read(file, Options.MaxRosterRows, ct);
        var positions = await db.Set<Position>().AsNoTracking().Where(p => p.OrganisationId == organisationId).ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        var candidates = RosterCandidates.FromLines(lines, positions.ToDictionary(p => p.Name, StringComparer.Ordinal), today);
        _logger.LogInformation("Roster check phase {Phase}: {Milliseconds} ms ({Rows} rows)", "read", Stopwatch.GetElapsedTime(started).TotalMilliseconds, candidates.Count);
        var check = new RosterCheck(organisationId, employer.RegionCode, RosterCheckKind.Upload, Path.GetFileName(fileName), actor.Name, clock.GetUtcNow());
        return await RunAsync(check, candidates, today, ct);
    }

    /// <summary>Checks the current roster again against today's registry: the way a fixed worker shows in the rate.</summary>
    public async Task<RosterCheckResult> RecheckAsync(Guid organisationId, CancellationToken ct)
    {
        var employer = await EmployerAsync(organisationId, ct);
        var current = await db.Set<RosterCheck>().AsNoTracking().CurrentOf(organisationId).FirstOrDefaultAsync(ct)
            ?? throw Refusal.Conflict("ROSTER-NONE");
        var rows = await db.Set<RosterRow>().AsNoTracking().Where(r => r.CheckId == current.Id).OrderBy(r => r.Row).ToListAsync(ct);
        var positions = await db.Set<Position>().AsNoTracking().Where(p => p.OrganisationId == organisationId).ToDictionaryAsync(p => p.Id, ct);
        var today = ChinaTime.Today(clock);
        var candidates = RosterCandidates.FromRows(rows, positions, today);
        var check = new RosterCheck(organisationId, employer.RegionCode, RosterCheckKind.Recheck, current.FileName, actor.Name, clock.GetUtcNow());
        return await RunAsync(check, candidates, today, ct);
    }

    private async Task<Organisation> EmployerAsync(Guid organisationId, CancellationToken ct)
    {
        var employer = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (employer is null || employer.Kind != Role.Employer.Id)
            throw Refusal.Forbidden("ROSTER-NOT-EMPLOYER");
        if (employer.Approval != OrganisationApproval.Approved)
            throw Refusal.Forbidden("EMPLOYER-NOT-APPROVED");
        return employer;
    }

    private async Task<RosterCheckResult> RunAsync(RosterCheck check, List<RosterCandidate> candidates, DateOnly today, CancellationToken ct)
    {
        var phase = Stopwatch.GetTimestamp();
        void Phase(string name)
        {
            _logger.LogInformation("Roster check phase {Phase}: {Milliseconds} ms ({Rows} rows)", name, Stopwatch.GetElapsedTime(phase).TotalMilliseconds, candidates.Count);
            phase = Stopwatch.GetTimestamp();
        }
        var certificates = await LookUpAsync(candidates.Where(c => c.Judgeable).Select(c => c.Number).Distinct().ToList(), ct);
        Phase("lookup");
        var budget = await limits.BudgetAsync(check.OrganisationId, ct);
        var rows = new List<RosterRow>(candidates.Count);
        var checks = new List<(RosterRow Row, VerificationOutcome Outcome, string? Item, Certificate? Logged)>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (candidate.Bad is { } bad)
            {
                rows.Add(RosterRow.Bad(check.Id, check.OrganisationId, candidate.Row, candidate.Name, candidate.Number, candidate.PositionText, bad));
                continue;
            }
            var judgement = candidate.BadId is { } badId
                ? new RosterJudgement(RosterVerdict.BadId, badId, RosterVerdicts.BadIdOutcome, null)
                : RosterJudge.Judge(candidate.Name, candidate.Position?.Items, certificates.GetValueOrDefault(candidate.Number) ?? [], today, rules);
            var judged = judgement;
            if (candidate.BadId is null)
            {
                // Past the per-number limit nothing of the number is told (a name oracle); past the hourly one, misses
                // are not told apart (an existence oracle). The log keeps the truth.
                var held = (certificates.GetValueOrDefault(candidate.Number) ?? []).Select(c => c.Id).ToList();
                if (budget.Limited(held) is { Code: "NAME-CHECK-NUMBER-LIMITED" } || !budget.Tell(judgement.Outcome, judgement.Certificate?.Id, held))
                    judgement = RosterJudge.Withheld(judgement);
            }
            var row = RosterRow.Checked(check.Id, check.OrganisationId, candidate.Row, candidate.Name, candidate.Number, candidate.Position, judgement);
            rows.Add(row);
            checks.Add((row, judged.Outcome, ItemAsked(candidate.Position, judged.Certificate), judged.Certificate));
        }
        check.Summarise(rows);
        Phase("judge");

        int opened, resolved;
        // One check of the employer at a time, from reading its current roster to storing the new one.
        using (await RosterLocks.EnterAsync(check.OrganisationId, ct))
        {
            // One transaction: the snapshot, the rows, the items and their audit are stored together or not at all.
            // (A caller's own transaction, as the demo seeding's, is used as it is.)
            await using var transaction = db.Database.CurrentTransaction is null ? await SaveAsync(() => db.Database.BeginTransactionAsync(ct)) : null;
            foreach (var previous in await db.Set<RosterCheck>().Where(c => c.OrganisationId == check.OrganisationId && c.IsCurrent).ToListAsync(ct))
                previous.Supersede();
            db.Add(check);
            var (openedItems, closed) = await new RectificationBook(db).ApplyAsync(check, rows, today.AddDays(Options.RectificationDays), ct);
            (opened, resolved) = (openedItems.Count, closed);
            // The items a check opens are one audit entry for the check (the import's model), not one each: they are
            // found again by employer and opening time. Refreshed and resolved items are audited one by one as before.
            if (opened > 0)
                db.AddAuditEntry(OpenedAuditAction, nameof(RectificationItem), check.Id.ToString(), JsonSerializer.Serialize(new
                {
                    check = check.Id, organisation = check.OrganisationId, openedAt = check.At, opened,
                }));
            Phase("track");
            await SaveAsync(() => db.SaveChangesAsync(ct));
            await RosterStore.WriteAsync(db, rows, openedItems, ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
            Phase("save");
        }

        // Recorded once the roster is stored: the log's writer and its signal rules never wait on this save.
        await log.RecordAsync(checks.Select(c => new VerificationRecord(check.At, VerificationChannel.RosterCheck, c.Outcome, c.Row.Number)
        {
            CertificateId = c.Logged?.Id, RegionCode = c.Logged?.RegionCode, ItemCode = c.Item,
            OrganisationId = check.OrganisationId, AccountName = check.CheckedBy,
        }), ct);
        Phase("log");
        return new RosterCheckResult(check, rows, opened, resolved);
    }

    /// <summary>
    /// Starts or stores the check. Another process's check of the same employer stored meanwhile trips the unique index
    /// on the current roster (409, upload again); a database held by a long write (an import on SQLite) answers 503.
    /// </summary>
    private static async Task<T> SaveAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (DbUpdateException e) when (DatabaseFailures.IsUniqueViolation(e, RosterCheckIndexes.OneCurrent, "RosterChecks.OrganisationId"))
        {
            throw Refusal.Conflict("ROSTER-CONCURRENT");
        }
        catch (Exception e) when (DatabaseFailures.IsBusy(e))
        {
            throw Refusal.Busy("DATABASE-BUSY", ("seconds", (int)BusyDatabase.RetryAfter.TotalSeconds));
        }
    }

    /// <summary>
    /// Every certificate under the given numbers: one query on PostgreSQL (<c>= ANY</c> of one array parameter, however
    /// many numbers), one per batch of <see cref="EmployerOptions.LookupBatch"/> on SQLite. The registry is read whole here (past the
    /// employer's scope, which covers only its registered workers): the employer learns a verdict per worker it
    /// named, never another holder's data, as in the public query.
    /// </summary>
    private async Task<Dictionary<string, List<Certificate>>> LookUpAsync(List<string> numbers, CancellationToken ct)
    {
        var found = new Dictionary<string, List<Certificate>>(StringComparer.Ordinal);
        var size = db.Database.IsNpgsql() ? numbers.Count : Options.LookupBatch;
        foreach (var batch in numbers.Chunk(Math.Max(1, size)))
        {
            var certificates = await db.Certificates.IgnoreQueryFilters().AsNoTracking().Where(c => batch.Contains(c.Number)).ToListAsync(ct);
            foreach (var certificate in certificates)
            {
                if (!found.TryGetValue(certificate.Number, out var list)) found[certificate.Number] = list = [];
                list.Add(certificate);
            }
        }
        return found;
    }

    /// <summary>The item the check was about: the position's (its only one, or the one the certificate is for), else the certificate's.</summary>
    private static string? ItemAsked(Position? position, Certificate? certificate)
    {
        if (position is null) return certificate?.ItemCode;
        return certificate is not null && position.Accepts(certificate.ItemCode) ? certificate.ItemCode : position.Items[0];
    }
}
