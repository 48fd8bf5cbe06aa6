using System.Globalization;
using System.Text.Json;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Audit;

/// <summary>
/// The audit log as people search it: by who, what (operation and kind of record), when (China dates, inclusive) and
/// which certificate or organisation (its id, number or name anywhere in the entry), newest first, a page at a time.
/// </summary>
public sealed record AuditSearch(string? Actor, string? Action, string? Entity, DateOnly? From, DateOnly? To, string? Subject)
{
    public const int PageSize = 50;
    public const int MaxExportRows = 20_000;

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (!string.IsNullOrWhiteSpace(Actor)) entries = entries.Where(e => e.Actor.Contains(Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(Action)) entries = entries.Where(e => e.Action == Action);
        if (!string.IsNullOrWhiteSpace(Entity)) entries = entries.Where(e => e.EntityType == Entity);
        if (From is { } from)
        {
            var start = ChinaTime.StartOfDay(from);
            entries = entries.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = ChinaTime.StartOfDay(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }
        if (!string.IsNullOrWhiteSpace(Subject))
        {
            var subject = Subject.Trim().TrimStart('T', 't');
            entries = entries.Where(e => e.EntityId == subject || (e.Before != null && e.Before.Contains(subject)) || (e.After != null && e.After.Contains(subject)));
        }
        return entries.OrderByDescending(e => e.Sequence);
    }

    /// <summary>What the search asked, for the audit entry that records the read or export.</summary>
    public object Describe() => new { actor = Actor, action = Action, entity = Entity, from = From, to = To, subject = Subject is null ? null : AuditRedaction.Mask(Subject) };
}

/// <summary>One field of an entry's change: its name and its value before and after (masked).</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After);

public static class AuditChanges
{
    /// <summary>The changed fields of an entry, from its before and after JSON; a detail that is not an object is one line.</summary>
    public static IReadOnlyList<AuditFieldChange> Of(string? before, string? after)
    {
        var b = Fields(before);
        var a = Fields(after);
        if (b is null && a is null)
            return before is null && after is null ? [] : [new AuditFieldChange("", before, after)];
        var names = (b?.Keys.AsEnumerable() ?? []).Concat(a?.Keys.AsEnumerable() ?? []).Distinct().ToList();
        return names.Select(n => new AuditFieldChange(n, b?.GetValueOrDefault(n), a?.GetValueOrDefault(n))).ToList();
    }

    private static Dictionary<string, string?>? Fields(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json[0] != '{') return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Time(DateTimeOffset at) => ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
