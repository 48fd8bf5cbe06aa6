using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Enforcement.Transfers;

/// <summary>
/// The clocks of a transfer (data/enforcement.md, 两法衔接): the head decides within 3 days of the report; the transfer
/// goes within 24 hours of approval; the police decide within 3 days of receiving it and notify within 3 days of
/// deciding; a refusal may be contested within 3 days of the notice and the police answer within 3 days. The figures are
/// the reference data's time limits, read by <see cref="Clocks.LegalClock"/> and warned like the case clocks.
/// </summary>
public static class TransferClocks
{
    public const string Approval = "TRANSFER-APPROVAL";
    public const string Send = "TRANSFER-SEND";
    public const string PoliceDecision = "TRANSFER-POLICE-DECISION";
    public const string PoliceNotice = "TRANSFER-POLICE-NOTICE";
    public const string ReconsiderationRequest = "TRANSFER-RECONSIDERATION-REQUEST";
    public const string ReconsiderationAnswer = "TRANSFER-RECONSIDERATION-ANSWER";

    public static IReadOnlyList<string> Codes { get; } = [Approval, Send, PoliceDecision, PoliceNotice, ReconsiderationRequest, ReconsiderationAnswer];

    /// <summary>The clocks that have started, running ones first by their deadline.</summary>
    public static IReadOnlyList<CaseClock> Of(CaseTransfer t, ReferenceDataVersion rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(rules);
        var clocks = new List<CaseClock>();
        void Add(string code, DateTimeOffset? start, DateTimeOffset? stopped)
        {
            if (start is not { } from || rules.TimeLimit(code) is not { } limit) return;
            clocks.Add(new CaseClock(limit, from, Clocks.LegalClock.Read(limit, from, stopped ?? now, [], [], CaseClocks.WarnDays(limit)), stopped));
        }

        Add(Approval, t.ReportedAt, t.HeadDecidedAt);
        Add(Send, t.ApprovedAt, t.TransferredAt);
        Add(PoliceDecision, t.TransferredAt, t.PoliceDecidedAt);
        Add(PoliceNotice, t.PoliceDecidedAt, t.NotifiedAt);
        // Contesting a refusal runs from the notice (or the decision, if the notice never came); a request or the
        // procuratorate's supervision stops it.
        if (t.PoliceFiled == false)
            Add(ReconsiderationRequest, t.NotifiedAt ?? t.PoliceDecidedAt, t.ReconsiderationAskedAt ?? t.ProcuratorateAskedAt);
        Add(ReconsiderationAnswer, t.ReconsiderationAskedAt, t.ReconsiderationAnsweredAt);
        return [.. clocks.OrderBy(k => k.Running ? 0 : 1).ThenBy(k => k.Reading.Deadline)];
    }
}
