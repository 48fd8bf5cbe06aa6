using CertGuard.Core.Enforcement.Clocks;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Time;

namespace CertGuard.Core.Enforcement.Cases;

/// <summary>
/// One legal clock of a case: its time limit (reference data), its reading (days left, warning, overdue, paused) and,
/// once the step is done, when it stopped (the reading is then taken at that moment: met in time or late).
/// </summary>
public sealed record CaseClock(ProceduralTimeLimit Limit, DateTimeOffset Start, ClockReading Reading, DateTimeOffset? StoppedAt)
{
    public bool Running => StoppedAt is null;
}

/// <summary>
/// Which clocks a case runs and from when (data/enforcement.md: decide within the limit from filing; hearing request
/// after the notice; hearing notice ahead of the hearing; service after the decision; payment after service; the
/// limitation from the violation until filing). The figures are the reference data's, read by <see cref="LegalClock"/>.
/// </summary>
public static class CaseClocks
{
    public const string Decision = "CASE-DECISION";
    public const string HearingRequest = "CASE-HEARING-REQUEST";
    public const string HearingNotice = "CASE-HEARING-NOTICE";
    public const string Service = "CASE-SERVICE";
    public const string Payment = "CASE-PAYMENT";
    public const string Limitation = "CASE-LIMITATION";
    public const string LimitationSafety = "CASE-LIMITATION-SAFETY";

    public static IReadOnlyList<string> Codes { get; } = [Limitation, LimitationSafety, Decision, HearingRequest, HearingNotice, Service, Payment];

    /// <summary>The clocks that have started, running ones first by their deadline.</summary>
    public static IReadOnlyList<CaseClock> Of(EnforcementCase c, ReferenceDataVersion rules, DateTimeOffset now)
    {
        var clocks = new List<CaseClock>();
        void Add(string code, DateTimeOffset? start, DateTimeOffset? stopped)
        {
            if (start is not { } from || rules.TimeLimit(code) is not { } limit) return;
            var at = stopped ?? now;
            clocks.Add(new CaseClock(limit, from, LegalClock.Read(limit, from, at, c.PausesOf(code), c.ExtensionsOf(code), WarnDays(limit)), stopped));
        }

        Add(c.LifeOrSafety ? LimitationSafety : Limitation, ChinaTime.StartOfDay(c.ViolationOn), c.FiledAt);
        Add(Decision, c.FiledAt, c.DecidedAt);
        Add(HearingRequest, c.NoticeAt, c.HearingRequestedAt ?? (c.Stage > CaseStage.Notice ? c.DecidedAt ?? c.NoticeAt : null));
        if (c.HearingRequestedAt is not null)
        {
            var notice = c.Documents.FirstOrDefault(d => d.Kind == Documents.CaseDocumentKind.HearingNotice);
            Add(HearingNotice, notice?.IssuedAt, c.Documents.FirstOrDefault(d => d.Kind == Documents.CaseDocumentKind.HearingRecord)?.IssuedAt);
        }
        Add(Service, c.DecidedAt, c.ServedAt);
        if (c.FineYuan > 0) Add(Payment, c.ServedAt, c.PaidYuan >= c.FineYuan ? c.PaidAt : c.ClosedAt);
        return [.. clocks.OrderBy(k => k.Running ? 0 : 1).ThenBy(k => k.Reading.Deadline)];
    }

    /// <summary>The due day of the fine (for the late surcharge), or null before service.</summary>
    public static DateOnly? PaymentDue(EnforcementCase c, ReferenceDataVersion rules) =>
        c.ServedAt is { } served && rules.TimeLimit(Payment) is { } limit
            ? ChinaTime.DateOf(LegalClock.Read(limit, served, served, c.PausesOf(Payment), c.ExtensionsOf(Payment)).Deadline)
            : null;

    /// <summary>How early to warn: two days for the short clocks, a fortnight for the decision, three months for years.</summary>
    public static int WarnDays(ProceduralTimeLimit limit) => limit.Unit switch
    {
        TimeLimitUnit.Years => 90,
        TimeLimitUnit.Days when limit.Amount > 30 => 15,
        TimeLimitUnit.Days => 2,
        _ => 0,
    };
}
