using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Holders;
using CertGuard.Core.Verification;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertGuard.Web.Features.Verification.Signals;

/// <summary>
/// The review queue of signals: what an office sees (its region, through the query filter) and what it may do — the
/// office of the signal's own region dismisses it with a reason or turns it into an inspection lead. The province
/// office reads every city's queue and works the signals no city could be told for.
/// </summary>
public sealed class SignalDesk(CertGuardDbContext db, TimeProvider clock, IActor actor, IStringLocalizer<SharedResource> texts)
{
    public const string Policy = "signals";
    public const int PageSize = 50;
    public const string NotFound = "SIGNAL-NOT-FOUND";
    public const string OtherRegion = "SIGNAL-OTHER-REGION";

    public static bool MayRead(AccessScope scope) => scope.Role == Role.CityOffice || scope.Role == Role.ProvinceOffice;

    /// <summary>Only the office of the signal's own region works it; the others read it.</summary>
    public static bool MayAct(AccessScope scope, string regionCode) => scope.RegionCode == regionCode;

    public async Task<SignalPage> ListAsync(SignalState? state, SignalKind? kind, int page, CancellationToken ct)
    {
        var query = db.Signals.AsNoTracking();
        if (state is { } s) query = query.Where(x => x.State == s);
        if (kind is { } k) query = query.Where(x => x.Kind == k);
        var total = await query.CountAsync(ct);
        // Clamped to the last page: a huge page number must not overflow the offset.
        page = Math.Clamp(page, 1, Math.Max(1, (int)Math.Min(int.MaxValue, ((long)total + PageSize - 1) / PageSize)));
        var items = await query.OrderByDescending(x => x.LastSeen).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new SignalPage(items.Select(View).ToList(), page, total);
    }

    public async Task<SignalView?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Signals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } signal ? View(signal) : null;

    public async Task<SignalView> DismissAsync(Guid id, string? reason, CancellationToken ct)
    {
        var signal = await MineAsync(id, ct);
        signal.Dismiss(reason ?? "", actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return View(signal);
    }

    public async Task<(SignalView Signal, InspectionLead Lead)> TurnIntoLeadAsync(Guid id, string? note, CancellationToken ct)
    {
        var signal = await MineAsync(id, ct);
        var now = clock.GetUtcNow();
        var summary = $"{Label(signal.Kind)}：{signal.Evidence}" + (string.IsNullOrWhiteSpace(note) ? "" : $"（{note.Trim()}）");
        var lead = new InspectionLead(signal.RegionCode, LeadSources.Signal, summary, actor.Name, now)
        {
            SignalId = signal.Id, SourceId = signal.Id, CertificateId = signal.CertificateId,
            CertificateNumber = signal.Kind is SignalKind.NotFoundBurst or SignalKind.OrganisationMisses ? null : signal.Subject,
        };
        signal.TurnIntoLead(lead.Id, note, actor.Name, now);
        db.InspectionLeads.Add(lead);
        await db.SaveChangesAsync(ct);
        return (View(signal), lead);
    }

    /// <summary>A signal the account may act on: visible to it (else not found) and of its own region (else forbidden).</summary>
    private async Task<Signal> MineAsync(Guid id, CancellationToken ct)
    {
        var signal = await db.Signals.SingleOrDefaultAsync(s => s.Id == id, ct)
                     ?? throw Refusal.NotFound("SIGNAL-NOT-FOUND");
        var scope = actor.Scope ?? AccessScope.Anonymous;
        if (!MayAct(scope, signal.RegionCode))
            throw Refusal.Forbidden("SIGNAL-OTHER-REGION");
        return signal;
    }

    private string Label(SignalKind kind) => texts[$"Signals.Kind.{kind}"];

    private string Explanation(SignalKind kind) => texts[$"Signals.Explain.{kind}"];

    private SignalView View(Signal s) => new(
        s.Id, s.Kind.ToString(), Label(s.Kind), Explanation(s.Kind), MaskSubject(s), s.RegionCode, s.CertificateId, s.Evidence,
        s.Codes, s.Count, s.FirstSeen, s.LastSeen, s.State.ToString(), s.ResolutionReason, s.ResolvedBy, s.ResolvedAt, s.LeadId);

    // Officials see which number, not whose full ID number: the registry page shows the rest, and audits it.
    private static string MaskSubject(Signal s) =>
        s.Kind is SignalKind.NotFoundBurst or SignalKind.OrganisationMisses ? s.Subject : ResidentIdNumber.Mask(s.Subject);
}

/// <summary>A signal as officials see it; kind and state by name (<see cref="SignalKind"/>, <see cref="SignalState"/>).</summary>
public sealed record SignalView(
    Guid Id, string Kind, string Label, string Explanation, string Subject, string RegionCode, Guid? CertificateId, string Evidence,
    string? Codes, int Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string State, string? ResolutionReason,
    string? ResolvedBy, DateTimeOffset? ResolvedAt, Guid? LeadId);

public sealed record SignalPage(IReadOnlyList<SignalView> Items, int Page, int Total);
