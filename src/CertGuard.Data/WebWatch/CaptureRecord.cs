using System.Net;
using System.Text;
using CertGuard.Core.Time;
using CertGuard.Core.WebWatch;

namespace CertGuard.Data.WebWatch;

/// <summary>The printable capture record (电子数据提取笔录) in an evidence package: what was captured, when (UTC+8), by whom, with its hashes.</summary>
public static class CaptureRecord
{
    public static string Html(Suspect suspect, IReadOnlyList<SuspectReferral> referrals, IReadOnlyList<Capture> captures, string packagedBy, DateTimeOffset at)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "—");
        static string T(DateTimeOffset t) => ChinaTime.ToChina(t).ToString("yyyy-MM-dd HH:mm:ss '(UTC+8)'", System.Globalization.CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>电子数据提取笔录</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;padding:4px;text-align:left;vertical-align:top}code{word-break:break-all}</style></head><body>")
            .Append("<h1>电子数据提取笔录（网页取证）</h1>")
            .Append("<table>")
            .Append($"<tr><th>对象</th><td><code>{E(suspect.Url)}</code></td></tr>")
            .Append($"<tr><th>发现</th><td>{T(suspect.FoundAt)}，来源 {E(suspect.Source)}，{E(suspect.FoundBy)}</td></tr>")
            .Append($"<tr><th>核实</th><td>{(suspect.IsFake == true ? "仿冒" : suspect.IsFake == false ? "非仿冒" : "未核实")}：{E(suspect.VerdictReason)}</td></tr>")
            .Append($"<tr><th>注册人 / 解析地址 / 联系方式</th><td>{E(suspect.Registrant)} / {E(suspect.Addresses)} / {E(suspect.Contacts)}</td></tr>")
            .Append($"<tr><th>打包</th><td>{T(at)}，{E(packagedBy)}</td></tr></table>");
        html.Append("<h2>提取记录</h2>");
        foreach (var c in captures)
        {
            html.Append("<table>")
                .Append($"<tr><th>网址</th><td><code>{E(c.Url)}</code></td></tr>")
                .Append($"<tr><th>提取时间</th><td>{T(c.CapturedAt)}</td></tr>")
                .Append($"<tr><th>提取人</th><td>{E(c.CapturedBy)}</td></tr>")
                .Append($"<tr><th>工具</th><td>CertGuard 网站监测（HttpClient 抓取；无头 Chromium 截图）</td></tr>")
                .Append($"<tr><th>HTTP 状态</th><td>{(c.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "无应答")}</td></tr>")
                .Append($"<tr><th>解析地址</th><td>{E(c.Addresses)}<br><code>SHA-256 {c.AddressesSha256}</code></td></tr>")
                .Append($"<tr><th>响应头</th><td><code>SHA-256 {c.HeadersSha256}</code></td></tr>")
                .Append($"<tr><th>网页源码</th><td><code>SHA-256 {c.HtmlSha256}</code>；模糊哈希 {c.HtmlFuzzyHash}；与官方查询页相似度 {(c.HtmlSimilarity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—")}</td></tr>")
                .Append($"<tr><th>截图</th><td>{(c.ScreenshotSha256 is { } s ? $"<code>SHA-256 {s}</code>；感知哈希 {E(c.ScreenshotHash)}；相似度 {c.ScreenSimilarity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}" : E(c.ScreenshotMissing))}</td></tr>")
                .Append("</table><br>");
        }
        if (referrals.Count > 0)
        {
            html.Append("<h2>移交</h2><ul>");
            foreach (var r in referrals) html.Append($"<li>{T(r.ReferredAt)} → {E(r.Department)}：{E(r.Note)}（{E(r.ReferredBy)}）</li>");
            html.Append("</ul>");
        }
        html.Append("<p>提取人签名：＿＿＿＿＿＿　　见证人签名：＿＿＿＿＿＿</p></body></html>");
        return html.ToString();
    }
}
