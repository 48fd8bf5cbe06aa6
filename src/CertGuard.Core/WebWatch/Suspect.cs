using CertGuard.Core.Auditing;

namespace CertGuard.Core.WebWatch;

/// <summary>
/// A suspect website or online listing, worked 发现 → 核实 → 移交 → 处置 → 复查 → 结束 by its city's cyberspace
/// office. One per city and domain (or listing URL): a name is never triaged twice; a site closed and back online
/// is reopened, not found again.
/// </summary>
[Audited]
public sealed class Suspect
{
    public const int TextMaxLength = 1000;

    private Suspect()
    {
        RegionCode = Key = Url = Source = FoundBy = "";
    }

    public Suspect(string regionCode, SuspectKind kind, string key, string url, string source, int score, string foundBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        RegionCode = regionCode;
        Kind = kind;
        Key = key;
        Url = url;
        Source = source;
        Score = Math.Clamp(score, 0, 100);
        FoundBy = foundBy;
        FoundAt = ChangedAt = at;
    }

    public Guid Id { get; private set; }

    /// <summary>The city whose cyberspace office works it.</summary>
    public string RegionCode { get; private set; }

    public SuspectKind Kind { get; private set; }

    /// <summary>What makes it the same suspect: the ASCII domain of a website, the normalised URL of a listing.</summary>
    public string Key { get; private set; }

    public string Url { get; private set; }

    /// <summary>How it was found: one of <see cref="SuspectSources"/>.</summary>
    public string Source { get; private set; }

    /// <summary>The sales platform of a listing (淘宝、闲鱼、微信、QQ群、抖音 …).</summary>
    public string? Platform { get; set; }

    /// <summary>What the source said: the generator, the matched keywords, the reporter's words.</summary>
    public string? Note { get; set; }

    /// <summary>0–100 from the source (look-alike score, keyword score); the content check may raise it.</summary>
    public int Score { get; private set; }

    public string FoundBy { get; private set; }

    public DateTimeOffset FoundAt { get; private set; }

    /// <summary>Last change of state or evidence: "what changed since the last look".</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public SuspectState State { get; private set; } = SuspectState.Found;

    // What the resolver saw (comma-separated), and what WHOIS or the pages say: the keys of a cluster.
    public string? Addresses { get; set; }

    public string? NameServers { get; set; }

    public string? Registrant { get; set; }

    /// <summary>Phone, WeChat, QQ numbers and payment codes seen on the page or listing, comma-separated.</summary>
    public string? Contacts { get; set; }

    /// <summary>The ring it belongs to: suspects sharing a registrant, name servers, an address or a contact.</summary>
    public Guid? ClusterId { get; set; }

    /// <summary>The content check's similarity (0–100) to the official query page, HTML and screenshot; null before a check.</summary>
    public int? HtmlSimilarity { get; set; }

    public int? ScreenSimilarity { get; set; }

    public bool? IsFake { get; private set; }

    public string? VerdictReason { get; private set; }

    public string? VerifiedBy { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public DisposalOutcome? Outcome { get; private set; }

    public DateOnly? DisposedOn { get; private set; }

    /// <summary>The document (网信 notice number, platform's takedown answer) that proves the disposal.</summary>
    public string? DisposalDocument { get; private set; }

    public DateTimeOffset? DisposedAt { get; private set; }

    /// <summary>When the re-check job looks whether it is back online.</summary>
    public DateTimeOffset? RecheckDueAt { get; private set; }

    public DateTimeOffset? LastCheckedAt { get; private set; }

    public int ReopenCount { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => State is not (SuspectState.Ended or SuspectState.Dismissed);

    /// <summary>核实: fake (with its reason) goes on to referral; not fake ends here and is remembered.</summary>
    public void Verify(bool fake, string reason, string by, DateTimeOffset at)
    {
        if (State is not (SuspectState.Found or SuspectState.Reopened)) throw Refusal.Conflict("WEBWATCH-NOT-VERIFIABLE", ("state", State.ToString()));
        IsFake = fake;
        VerdictReason = RequireText(reason);
        VerifiedBy = by;
        VerifiedAt = at;
        if (fake) State = SuspectState.Confirmed;
        else
        {
            State = SuspectState.Dismissed;
            EndedAt = at;
        }
        Touch(at);
    }

    /// <summary>移交: recorded by <see cref="SuspectReferral"/>; the suspect waits for the disposal.</summary>
    public void MarkReferred(DateTimeOffset at)
    {
        if (State is not (SuspectState.Confirmed or SuspectState.Referred or SuspectState.Reopened) || IsFake != true)
            throw Refusal.Conflict("WEBWATCH-NOT-REFERABLE", ("state", State.ToString()));
        State = SuspectState.Referred;
        Touch(at);
    }

    /// <summary>处置: blocked, closed or delisted, with its date and document; the re-check falls due after <paramref name="recheckAfter"/>.</summary>
    public void Dispose(DisposalOutcome outcome, DateOnly on, string document, TimeSpan recheckAfter, DateTimeOffset at)
    {
        if (State is not (SuspectState.Confirmed or SuspectState.Referred)) throw Refusal.Conflict("WEBWATCH-NOT-DISPOSABLE", ("state", State.ToString()));
        if (Kind == SuspectKind.Listing && outcome != DisposalOutcome.Delisted) throw Refusal.Invalid("WEBWATCH-LISTING-DELISTED");
        Outcome = outcome;
        DisposedOn = on;
        DisposalDocument = RequireText(document);
        DisposedAt = at;
        RecheckDueAt = at + recheckAfter;
        State = SuspectState.Disposed;
        Touch(at);
    }

    /// <summary>复查: back online reopens it (worked again from 核实); still gone ends it (结束).</summary>
    public void Recheck(bool online, DateTimeOffset at)
    {
        if (State != SuspectState.Disposed) throw Refusal.Conflict("WEBWATCH-NOT-RECHECKABLE", ("state", State.ToString()));
        LastCheckedAt = at;
        RecheckDueAt = null;
        if (online)
        {
            State = SuspectState.Reopened;
            ReopenCount++;
            IsFake = null;
            Outcome = null;
        }
        else
        {
            State = SuspectState.Ended;
            EndedAt = at;
        }
        Touch(at);
    }

    public void RaiseScore(int score, DateTimeOffset at)
    {
        if (score <= Score) return;
        Score = Math.Min(100, score);
        Touch(at);
    }

    public void Touch(DateTimeOffset at)
    {
        ChangedAt = at;
        Version++;
    }

    private static string RequireText(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) throw Refusal.Invalid("WEBWATCH-REASON-REQUIRED");
        return trimmed.Length > TextMaxLength ? trimmed[..TextMaxLength] : trimmed;
    }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SuspectKind>))]
public enum SuspectKind
{
    Website,
    /// <summary>An online listing on a sales platform (淘宝、闲鱼、微信、QQ群、抖音 …).</summary>
    Listing,
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SuspectState>))]
public enum SuspectState
{
    /// <summary>发现</summary>
    Found,
    /// <summary>核实: a fake.</summary>
    Confirmed,
    /// <summary>核实: not a fake; ends here, remembered so it is not triaged again.</summary>
    Dismissed,
    /// <summary>移交</summary>
    Referred,
    /// <summary>处置: blocked, closed or delisted; waiting for the re-check.</summary>
    Disposed,
    /// <summary>复查 found it back online.</summary>
    Reopened,
    /// <summary>结束</summary>
    Ended,
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DisposalOutcome>))]
public enum DisposalOutcome
{
    Blocked,
    Closed,
    Delisted,
}

/// <summary>Where a suspect came from.</summary>
public static class SuspectSources
{
    public const string Lookalike = "lookalike";
    public const string CertificateTransparency = "ct";
    public const string NewDomains = "new-domains";
    public const string Tip = "tip";
    public const string Manual = "manual";
    public const string PublicReport = "public-report";
    public const string Listing = "listing";

    public static IReadOnlyList<string> All { get; } = [Lookalike, CertificateTransparency, NewDomains, Tip, Manual, PublicReport, Listing];
}
