namespace CertGuard.Cli.Hosting;

/// <summary>A failure whose message is already written for the operator (in Chinese); printed without detail.</summary>
internal sealed class CliException(string message) : Exception(message);
