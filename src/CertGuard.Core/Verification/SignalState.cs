namespace CertGuard.Core.Verification;

public enum SignalState
{
    /// <summary>Waiting in the city office's review queue.</summary>
    Open,
    /// <summary>Looked at and dismissed, with a reason.</summary>
    Dismissed,
    /// <summary>Turned into an inspection lead for enforcement.</summary>
    Lead,
}
