using System.ComponentModel.DataAnnotations;

namespace CertGuard.Data.Instances;

/// <summary>
/// The <c>Instance</c> configuration section: who this process is among several instances of the platform on one
/// database. <see cref="Name"/> must differ between instances that share a machine name (two processes on one host).
/// </summary>
public sealed class InstanceOptions
{
    public const string Section = "Instance";

    /// <summary>
    /// This instance's name: the owner of the imports it stored on its disk, and the name on the job runs it made.
    /// Defaults to the machine (container) name; as <c>Instance__Name</c>.
    /// </summary>
    [Required, MaxLength(JobRun.InstanceMaxLength)]
    public string Name { get; set; } = Environment.MachineName;
}
