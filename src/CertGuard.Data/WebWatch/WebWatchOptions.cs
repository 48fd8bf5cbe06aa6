using System.ComponentModel.DataAnnotations;

namespace CertGuard.Data.WebWatch;

/// <summary>The <c>WebWatch</c> configuration section.</summary>
public sealed class WebWatchOptions
{
    public const string Section = "WebWatch";

    /// <summary>The only national query page (应急管理部): what fakes copy, and what the content check compares with.</summary>
    [Required, Url]
    public string OfficialQueryUrl { get; set; } = "https://cx.mem.gov.cn/";

    /// <summary>This platform's own public address, listed beside the official ones on the query and verify pages.</summary>
    [Url]
    public string? PortalUrl { get; set; }

    /// <summary>Days after a disposal (blocked, closed, delisted) when the re-check job looks whether it is back.</summary>
    [Range(1, 365)]
    public int RecheckAfterDays { get; set; } = 30;

    /// <summary>At most this many registrable look-alikes, highest score first, are resolved per scan.</summary>
    [Range(1, 20_000)]
    public int ScanLimit { get; set; } = 300;

    /// <summary>An imported name scoring this or more by the keyword table becomes a suspect.</summary>
    [Range(1, 100)]
    public int SuspicionThreshold { get; set; } = 60;

    /// <summary>A page this similar (0–100, HTML or screenshot) to the official one is reported as copying it.</summary>
    [Range(1, 100)]
    public int ContentMatchThreshold { get; set; } = 75;

    /// <summary>Keyword weights added to (or overriding, 0 to drop) the built-in table of fakes' words.</summary>
    public Dictionary<string, int> Keywords { get; set; } = [];

    /// <summary>Suffix weights added to (or overriding) the built-in table.</summary>
    public Dictionary<string, int> Suffixes { get; set; } = [];

    [Required]
    public DnsSettings Dns { get; set; } = new();

    [Required]
    public FetchSettings Fetch { get; set; } = new();

    [Required]
    public BrowserSettings Browser { get; set; } = new();

    [Required]
    public RecheckJobSettings RecheckJob { get; set; } = new();

    public sealed class DnsSettings
    {
        /// <summary>Name servers as "address" or "address:port"; empty uses the machine's resolvers.</summary>
        public List<string> Servers { get; set; } = [];

        [Range(100, 60_000)]
        public int TimeoutMilliseconds { get; set; } = 3000;

        [Range(0, 5)]
        public int Retries { get; set; } = 1;

        [Range(1, 64)]
        public int Concurrency { get; set; } = 8;
    }

    public sealed class FetchSettings
    {
        [Range(1, 120)]
        public int TimeoutSeconds { get; set; } = 15;

        [Range(1024, 50_000_000)]
        public int MaxBytes { get; set; } = 2_000_000;
    }

    public sealed class BrowserSettings
    {
        /// <summary>Headless Chromium for screenshots (Debian: /usr/bin/chromium); empty: captures say the screenshot is missing.</summary>
        public string? ChromiumPath { get; set; }

        [Range(5, 300)]
        public int TimeoutSeconds { get; set; } = 45;

        [Range(320, 3840)]
        public int Width { get; set; } = 1280;

        [Range(240, 4000)]
        public int Height { get; set; } = 900;
    }

    public sealed class RecheckJobSettings
    {
        public bool Enabled { get; set; } = true;

        [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
        public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
    }

    public Core.WebWatch.SuspicionTable SuspicionTable()
    {
        var keywords = new Dictionary<string, int>(Core.WebWatch.SuspicionTable.DefaultKeywords);
        foreach (var (k, v) in Keywords) keywords[k.ToLowerInvariant()] = v;
        var suffixes = new Dictionary<string, int>(Core.WebWatch.SuspicionTable.DefaultSuffixes);
        foreach (var (k, v) in Suffixes) suffixes[k.ToLowerInvariant().TrimStart('.')] = v;
        return new(keywords.Where(k => k.Value > 0).ToDictionary(), suffixes);
    }
}
