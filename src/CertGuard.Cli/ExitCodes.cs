namespace CertGuard.Cli;

/// <summary>What the process returns; scripts and monitoring rely on these values.</summary>
public static class ExitCodes
{
    /// <summary>The command did its work (for <c>audit verify</c>: the chain is intact).</summary>
    public const int Success = 0;

    /// <summary><c>audit verify</c> found the audit chain broken.</summary>
    public const int AuditChainBroken = 1;

    /// <summary>The command could not run: bad arguments, bad configuration, database unreachable, or a failure.</summary>
    public const int CannotRun = 2;

    /// <summary>certguard verify: the QR did not verify, at whatever stage.</summary>
    public const int QrNotValid = 1;

    /// <summary>certguard import: rows (or the header) were rejected; without --partial nothing was written.</summary>
    public const int RowsRejected = 1;
}
