using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns;

/// <summary>
/// A circular (通报) of the province office on the campaign for a period: drafted from the figures
/// (<see cref="CircularTemplate"/>), edited, then published to the cities (and optionally the public page). Once
/// published it no longer changes.
/// </summary>
[Audited]
public sealed class Circular
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 50000;

    private Circular()
    {
        Title = Number = Body = "";
    }

    public Circular(Guid campaignId, DateOnly periodFrom, DateOnly periodTo, string title, string number, string body, string by, DateTimeOffset at)
    {
        if (periodTo < periodFrom) throw Refusal.Invalid("CAMPAIGN-DATES");
        Id = Guid.CreateVersion7(at);
        CampaignId = campaignId;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        Title = Number = Body = "";
        Set(title, number, body);
        DraftedBy = by;
        DraftedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    /// <summary>The first day counted.</summary>
    public DateOnly PeriodFrom { get; private set; }

    /// <summary>The last day counted.</summary>
    public DateOnly PeriodTo { get; private set; }

    public string Title { get; private set; }

    /// <summary>E.g. 粤安办〔2026〕12号 (may be empty while a draft).</summary>
    public string Number { get; private set; }

    /// <summary>Paragraphs separated by line breaks; a line starting with "一、" etc. is a heading.</summary>
    public string Body { get; private set; }

    public string DraftedBy { get; private set; } = "";

    public DateTimeOffset DraftedAt { get; private set; }

    public bool Published { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    /// <summary>Shown on the public page as well as to the cities.</summary>
    public bool OnPublicPage { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<string> Paragraphs => Body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public void Edit(string title, string number, string body)
    {
        if (Published) throw Refusal.Conflict("CIRCULAR-PUBLISHED");
        Set(title, number, body);
        Version++;
    }

    public void Publish(bool onPublicPage, string by, DateTimeOffset at)
    {
        if (Published) throw Refusal.Conflict("CIRCULAR-PUBLISHED");
        if (Number.Length == 0) throw Refusal.Invalid("CIRCULAR-NUMBER");
        Published = true;
        OnPublicPage = onPublicPage;
        PublishedAt = at;
        PublishedBy = by;
        Version++;
    }

    private void Set(string title, string number, string body)
    {
        var t = title.Trim();
        if (t.Length is 0 or > TitleMaxLength) throw Refusal.Invalid("CIRCULAR-TEXT", ("max", TitleMaxLength));
        var b = body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (b.Length is 0 or > BodyMaxLength) throw Refusal.Invalid("CIRCULAR-TEXT", ("max", BodyMaxLength));
        var n = number.Trim();
        if (n.Length > 64) throw Refusal.Invalid("CIRCULAR-NUMBER");
        Title = t;
        Number = n;
        Body = b;
    }
}
