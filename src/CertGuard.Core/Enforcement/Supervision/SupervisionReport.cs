using CertGuard.Core.Auditing;

namespace CertGuard.Core.Enforcement.Supervision;

/// <summary>One progress report of the handling authority on a supervised case.</summary>
[Audited]
public sealed class SupervisionReport
{
    private SupervisionReport()
    {
        Text = By = "";
    }

    internal SupervisionReport(Guid supervisionId, string text, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        SupervisionId = supervisionId;
        Text = text;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid SupervisionId { get; private set; }

    public string Text { get; private set; }

    public string By { get; private set; }

    public DateTimeOffset At { get; private set; }
}
