using CertGuard.Core;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.TypicalCases;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement.TypicalCases;

/// <summary>
/// Typical cases (典型案例): an officer drafts a public summary from a closed case of the city (prefilled, personal data
/// already removed), edits and submits it; the city office approves, then the province office, which publishes it;
/// either office returns it with a reason or withdraws a published one. The filter of
/// <see cref="PersonalDataFilter"/> runs at each step towards the public, with the case's parties' names.
/// </summary>
public sealed class TypicalCaseDesk(CertGuardDbContext db, IActor actor, TimeProvider clock)
{
    /// <summary>The desk's list: the city's (or, for the province, every) typical case, the newest change first.</summary>
    public async Task<IReadOnlyList<TypicalCase>> ListAsync(CancellationToken ct) =>
        await db.TypicalCases.AsNoTracking().OrderByDescending(t => t.UpdatedAt).Take(500).ToListAsync(ct);

    /// <summary>What everyone reads: the published cases, the newest first (no account, so the scope filters are lifted on purpose).</summary>
    public async Task<IReadOnlyList<TypicalCase>> PublishedAsync(CancellationToken ct) =>
        await db.TypicalCases.IgnoreQueryFilters().AsNoTracking().Where(t => t.State == TypicalCaseState.Published)
            .OrderByDescending(t => t.PublishedAt).Take(200).ToListAsync(ct);

    public async Task<TypicalCase?> FindAsync(Guid id, CancellationToken ct) =>
        await db.TypicalCases.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>The closed cases an officer may draft from (the city's, newest first).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title, DateTimeOffset ClosedAt)>> CandidatesAsync(CancellationToken ct)
    {
        if (!TypicalCaseAccess.MayDraft(actor.Scope)) return [];
        var rows = await db.EnforcementCases.AsNoTracking().Where(c => c.Stage == CaseStage.Closed)
            .OrderByDescending(c => c.ClosedAt).Take(100).Select(c => new { c.Id, c.Title, c.ClosedAt }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Title, r.ClosedAt ?? default))];
    }

    /// <summary>A draft from a closed case, prefilled with its date, city, what happened and the penalty, personal data removed.</summary>
    public async Task<TypicalCase> DraftAsync(Guid caseId, CancellationToken ct)
    {
        if (!TypicalCaseAccess.MayDraft(actor.Scope)) throw Refusal.Forbidden("TYPICAL-CASE-DRAFT-FORBIDDEN");
        var c = await db.EnforcementCases.AsNoTracking().Include(x => x.Fines).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw Refusal.NotFound("CASE-NOT-FOUND");
        if (!c.IsClosed) throw Refusal.Conflict("TYPICAL-CASE-CASE-NOT-CLOSED");
        var draft = TypicalCaseDraft.From(c);
        var typical = new TypicalCase(c.Id, c.RegionCode, draft.OccurredOn, draft.Title, draft.Facts, draft.Penalty, Who, clock.GetUtcNow());
        db.TypicalCases.Add(typical);
        await SaveAsync(ct);
        return typical;
    }

    public Task<TypicalCase> EditAsync(Guid id, EditTypicalCaseRequest r, CancellationToken ct)
    {
        if (!TypicalCaseAccess.MayDraft(actor.Scope)) throw Refusal.Forbidden("TYPICAL-CASE-DRAFT-FORBIDDEN");
        return ChangeAsync(id, r.Version, (t, _) => t.Edit(r.Title ?? "", r.Facts ?? "", r.Penalty ?? "", clock.GetUtcNow()), ct);
    }

    public Task<TypicalCase> SubmitAsync(Guid id, int version, CancellationToken ct)
    {
        if (!TypicalCaseAccess.MayDraft(actor.Scope)) throw Refusal.Forbidden("TYPICAL-CASE-DRAFT-FORBIDDEN");
        return ChangeAsync(id, version, (t, names) => t.Submit(names, clock.GetUtcNow()), ct);
    }

    /// <summary>The city office's approval, then the province office's, which publishes it.</summary>
    public Task<TypicalCase> ApproveAsync(Guid id, int version, CancellationToken ct)
    {
        var scope = actor.Scope;
        if (TypicalCaseAccess.IsCityOffice(scope))
            return ChangeAsync(id, version, (t, names) => t.ApproveByCity(names, Who, clock.GetUtcNow()), ct);
        if (TypicalCaseAccess.IsProvinceOffice(scope))
            return ChangeAsync(id, version, (t, names) => t.Publish(names, Who, clock.GetUtcNow()), ct);
        throw Refusal.Forbidden("TYPICAL-CASE-APPROVE-FORBIDDEN");
    }

    /// <summary>Back to the officer with a reason: the city office from its step, the province office from its own.</summary>
    public Task<TypicalCase> ReturnAsync(Guid id, ReasonRequest r, CancellationToken ct)
    {
        var scope = actor.Scope;
        if (!TypicalCaseAccess.IsCityOffice(scope) && !TypicalCaseAccess.IsProvinceOffice(scope))
            throw Refusal.Forbidden("TYPICAL-CASE-APPROVE-FORBIDDEN");
        var expected = TypicalCaseAccess.IsCityOffice(scope) ? TypicalCaseState.AwaitingCity : TypicalCaseState.AwaitingProvince;
        return ChangeAsync(id, r.Version, (t, _) =>
        {
            if (t.State != expected) throw Refusal.Conflict("TYPICAL-CASE-WRONG-STATE", ("state", t.State.ToString()));
            t.Return(r.Reason ?? "", clock.GetUtcNow());
        }, ct);
    }

    /// <summary>撤回: the province office or the city's office takes a published case off the page and the feed, saying why.</summary>
    public Task<TypicalCase> WithdrawAsync(Guid id, ReasonRequest r, CancellationToken ct)
    {
        var scope = actor.Scope;
        if (!TypicalCaseAccess.IsCityOffice(scope) && !TypicalCaseAccess.IsProvinceOffice(scope))
            throw Refusal.Forbidden("TYPICAL-CASE-APPROVE-FORBIDDEN");
        return ChangeAsync(id, r.Version, (t, _) => t.Withdraw(r.Reason ?? "", Who, clock.GetUtcNow()), ct);
    }

    private async Task<TypicalCase> ChangeAsync(Guid id, int version, Action<TypicalCase, IReadOnlyList<string>> change, CancellationToken ct)
    {
        var t = await db.TypicalCases.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw Refusal.NotFound("TYPICAL-CASE-NOT-FOUND");
        if (t.Version != version) throw Refusal.Conflict("TYPICAL-CASE-STALE");
        change(t, await NamesAsync(t.CaseId, ct));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Refusal.Conflict("TYPICAL-CASE-STALE");
        }
        return t;
    }

    // The parties' full names the filter looks for: the case's person and the persons fined. The typical case was
    // already found in the account's scope, so its case is read whatever the case filters say.
    private async Task<IReadOnlyList<string>> NamesAsync(Guid caseId, CancellationToken ct)
    {
        var person = await db.EnforcementCases.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == caseId).Select(c => c.PersonName).SingleOrDefaultAsync(ct);
        var fined = await db.Set<CaseFineLine>().IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.CaseId == caseId && (f.Party == PenaltyParty.Holder || f.Party == PenaltyParty.ResponsiblePerson))
            .Select(f => f.PartyName).ToListAsync(ct);
        return [.. fined.Append(person).OfType<string>()];
    }

    private async Task SaveAsync(CancellationToken ct) => await db.SaveChangesAsync(ct);

    private string Who
    {
        get
        {
            var name = actor.DisplayName.Length > 0 && actor.DisplayName != actor.Name ? $"{actor.DisplayName}（{actor.Name}）" : actor.Name;
            return name.Length > 128 ? name[..128] : name;
        }
    }
}

/// <summary>The prefilled text of a draft from a closed case, personal data already removed.</summary>
public sealed record TypicalCaseDraft(DateOnly OccurredOn, string Title, string Facts, string Penalty)
{
    public static TypicalCaseDraft From(EnforcementCase c)
    {
        var names = c.Fines.Where(f => f.Party is PenaltyParty.Holder or PenaltyParty.ResponsiblePerson).Select(f => f.PartyName)
            .Append(c.PersonName).ToList();
        var on = ChinaTime.DateOf(c.DecidedAt ?? c.ClosedAt ?? c.OpenedAt);
        var city = RegionDirectory.Guangdong.NameOf(c.RegionCode);
        var party = string.Join("、", new[] { c.OrganisationName, c.PersonName }.OfType<string>());
        var facts = $"{on.Year}年{on.Month}月{on.Day}日，{city}应急管理部门依法查处{(party.Length > 0 ? party : "当事人")}{c.Title}一案。"
            + $"经查，当事人的行为违反了特种作业人员安全技术培训考核管理的有关规定。";
        var lines = c.Fines.Select(f => $"对{f.PartyName}{(f.Measures.Length > 0 ? f.Measures + "，" : "")}罚款{f.AmountYuan}元（{f.LegalBasis}）").ToList();
        var penalty = lines.Count > 0 ? string.Join("；", lines) + "。" : "依法作出行政处罚。";
        var title = $"{city}查处{c.Title}案";
        return new TypicalCaseDraft(on,
            Cut(PersonalDataFilter.Clean(title, names), TypicalCase.TitleMaxLength),
            Cut(PersonalDataFilter.Clean(facts, names), TypicalCase.TextMaxLength),
            Cut(PersonalDataFilter.Clean(penalty, names), TypicalCase.TextMaxLength));
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}

public sealed record EditTypicalCaseRequest(int Version, string? Title, string? Facts, string? Penalty);

public sealed record ReasonRequest(int Version, string? Reason);
