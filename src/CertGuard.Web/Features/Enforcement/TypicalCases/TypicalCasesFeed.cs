using System.Globalization;
using System.Text;
using System.Xml;
using CertGuard.Core.Regions;
using CertGuard.Data.Enforcement.TypicalCases;
using CertGuard.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Enforcement.TypicalCases;

/// <summary>
/// /typical-cases/feed.atom: the published typical cases as an Atom 1.0 feed (RFC 4287), newest first. Ids are tag
/// URIs that never change with the site's address; a withdrawn case simply leaves the feed. Written with XmlWriter so
/// no syndication package is needed.
/// </summary>
public static class TypicalCasesFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static async Task WriteAsync(HttpContext http, TypicalCaseDesk desk, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct)
    {
        var published = await desk.PublishedAsync(ct);
        var request = http.Request;
        var origin = $"{request.Scheme}://{request.Host}";
        var updated = published.Count > 0 ? published.Max(t => t.UpdatedAt) : clock.GetUtcNow();
        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true };
        await using (var x = XmlWriter.Create(buffer, settings))
        {
            await x.WriteStartDocumentAsync();
            x.WriteStartElement("feed", Atom);
            x.WriteAttributeString("xml", "lang", null, "zh-CN");
            x.WriteElementString("id", Atom, "tag:certguard,2026:typical-cases");
            x.WriteElementString("title", Atom, "特种作业操作证违法行为典型案例");
            x.WriteElementString("subtitle", Atom, "经市、省安全生产委员会办公室审核公开的典型案例");
            x.WriteElementString("updated", Atom, Stamp(updated));
            Link(x, "self", $"{origin}/typical-cases/feed.atom", "application/atom+xml");
            Link(x, "alternate", $"{origin}/typical-cases", "text/html");
            x.WriteStartElement("author", Atom);
            x.WriteElementString("name", Atom, site.Value.Organiser);
            x.WriteEndElement();
            foreach (var t in published)
            {
                var city = RegionDirectory.Guangdong.NameOf(t.RegionCode);
                x.WriteStartElement("entry", Atom);
                x.WriteElementString("id", Atom, $"tag:certguard,2026:typical-cases/{t.Id}");
                x.WriteElementString("title", Atom, t.Title);
                x.WriteElementString("published", Atom, Stamp(t.PublishedAt ?? t.UpdatedAt));
                x.WriteElementString("updated", Atom, Stamp(t.UpdatedAt));
                Link(x, "alternate", $"{origin}/typical-cases#case-{t.Id}", "text/html");
                x.WriteStartElement("category", Atom);
                x.WriteAttributeString("term", t.RegionCode);
                x.WriteAttributeString("label", city);
                x.WriteEndElement();
                x.WriteElementString("summary", Atom, $"{t.OccurredOn:yyyy-MM-dd} · {city}");
                x.WriteStartElement("content", Atom);
                x.WriteAttributeString("type", "text");
                x.WriteString($"日期：{t.OccurredOn:yyyy-MM-dd}\n城市：{city}\n基本案情：{t.Facts}\n处罚结果：{t.Penalty}");
                x.WriteEndElement();
                x.WriteEndElement();
            }
            x.WriteEndElement();
            await x.WriteEndDocumentAsync();
        }
        http.Response.ContentType = ContentType;
        http.Response.Headers.CacheControl = "public, max-age=300";
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
    }

    private static void Link(XmlWriter x, string rel, string href, string type)
    {
        x.WriteStartElement("link", Atom);
        x.WriteAttributeString("rel", rel);
        x.WriteAttributeString("type", type);
        x.WriteAttributeString("href", href);
        x.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
