namespace CertGuard.Web.Features.Registry.Import;

/// <summary>The <c>Uploads</c> configuration section: how much spreadsheet work the host takes on at once.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Spreadsheets (roster checks, imports) read at the same time; 0 means the number of processors.</summary>
    public int MaxConcurrentParses { get; set; }

    /// <summary>How long an upload waits for a free reader before it is answered 503.</summary>
    public double ParseWaitSeconds { get; set; } = 2;

    /// <summary>What 503 answers tell the client to wait, in seconds (Retry-After).</summary>
    public int RetryAfterSeconds { get; set; } = 10;

    /// <summary>An import of more data rows than this runs as a background job (202 Accepted and a job to poll).</summary>
    public int BackgroundImportRows { get; set; } = 20_000;

    /// <summary>Rows a background import checks and writes together: its progress moves by this much.</summary>
    public int BackgroundBatchSize { get; set; } = 10_000;

    /// <summary>Import jobs waiting to run; more are answered 503.</summary>
    public int ImportQueueLength { get; set; } = 4;

    /// <summary>Where uploads wait for their background import (deleted once it ran); default a folder under the system's temporary folder.</summary>
    public string? JobFolder { get; set; }

    public int EffectiveParses => MaxConcurrentParses > 0 ? MaxConcurrentParses : Math.Max(2, Environment.ProcessorCount);
}
