using System.CommandLine;
using CertGuard.Cli.Hosting;

namespace CertGuard.Cli.Audit;

/// <summary><c>certguard audit …</c>: the audit log.</summary>
internal static class AuditCommand
{
    public static Command Create(GlobalOptions global) => new("audit", "审计日志。") { AuditVerifyCommand.Create(global), AuditCheckpointCommand.Create(global) };
}
