using System.CommandLine;

namespace CertGuard.Cli.Audit;

/// <summary><c>certguard audit …</c>: the audit log.</summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "审计日志。") { AuditVerifyCommand.Create() };
}
