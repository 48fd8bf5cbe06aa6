namespace CertGuard.Core.Certificates;

/// <summary>Grounds on which a review fails (Order No. 30, art. 22).</summary>
public enum ReviewFailureReason
{
    FailedHealthCheck,
    SeriousViolation,
    AdministrativePenalty,
    ObstructedInspection,
    MissedTrainingOrExam,
    GroundForRevocation,
}

/// <summary>Grounds for revocation (撤销, art. 30).</summary>
public enum RevocationReason
{
    OverdueWithoutReview,
    PhysicallyUnfit,
    ResponsibleForAccident,
    FalseInformation,
    FraudOrBribery,
}

/// <summary>Grounds for cancellation (注销, art. 31).</summary>
public enum CancellationReason
{
    HolderDied,
    HolderRequested,
    CertificateRevoked,
}

public static class RevocationReasons
{
    /// <summary>False information or fraud bar a new application for the period of the rules.</summary>
    public static bool BarsReapplication(this RevocationReason reason) =>
        reason is RevocationReason.FalseInformation or RevocationReason.FraudOrBribery;
}
