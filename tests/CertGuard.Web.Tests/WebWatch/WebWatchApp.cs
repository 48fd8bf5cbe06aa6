using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CertGuard.Web.Tests.WebWatch;

/// <summary>The platform with web watch pointed at loopback: its own DNS server, an "official" query page, Chromium for screenshots.</summary>
public abstract class WebWatchApp : CertGuardApp
{
    public LoopbackDns Dns { get; } = new();

    public LoopbackSite Official { get; } = new("127.0.0.1", Pages.Official);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("WebWatch:Dns:Servers:0", Dns.Endpoint);
        builder.UseSetting("WebWatch:Dns:TimeoutMilliseconds", "2000");
        builder.UseSetting("WebWatch:Dns:Retries", "0");
        builder.UseSetting("WebWatch:OfficialQueryUrl", Official.Url);
        builder.UseSetting("WebWatch:PortalUrl", "https://certguard.example.gd.cn/");
        builder.UseSetting("WebWatch:Browser:ChromiumPath", Environment.GetEnvironmentVariable("CERTGUARD_TEST_CHROMIUM") ?? "/usr/bin/chromium");
        builder.UseSetting("WebWatch:RecheckJob:Enabled", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Dns.Dispose();
        Official.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWebWatchApp : WebWatchApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresWebWatchApp : WebWatchApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>The pages the tests serve: the official query page, a fake that copies it, and an unrelated shop.</summary>
public static class Pages
{
    public const string Official = """
        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>特种作业操作证及安全生产知识和管理能力考核合格信息查询</title>
        <style>body{font-family:sans-serif;background:#fff}.banner{background:#1d4e9e;color:#fff;height:120px}.box{margin:40px auto;width:600px;border:1px solid #ccc;padding:20px}</style></head>
        <body><div class="banner"><h1 class="title">中华人民共和国应急管理部</h1><p class="subtitle">特种作业操作证及安全生产知识和管理能力考核合格信息查询</p></div>
        <div class="box"><form class="query"><label class="row">证件类型<select name="type"><option>特种作业操作证</option><option>安全生产知识和管理能力考核合格证</option></select></label>
        <label class="row">证件号码<input name="no"></label><label class="row">姓名<input name="name"></label><label class="row">验证码<input name="code"></label>
        <button class="btn">查询</button></form><p class="tip">温馨提示：本系统为全国唯一官方查询入口，请勿相信其他网站。</p></div>
        <div class="footer"><p>主办单位：中华人民共和国应急管理部 京ICP备18034768号 京公网安备11010202007829号 政府网站标识码bm95000001</p></div></body></html>
        """;

    public static string Fake(string contact) => Official
        .Replace("京ICP备18034768号 京公网安备11010202007829号 政府网站标识码bm95000001", $"客服微信：{contact} 办证加急 包过", StringComparison.Ordinal)
        .Replace("请勿相信其他网站", "证书全国联网可查", StringComparison.Ordinal);

    public const string Unrelated = """
        <!doctype html><html><head><meta charset="utf-8"><title>Garden tools and seeds</title></head>
        <body><header class="nav"><a href="/">Home</a><a href="/shop">Shop</a></header><main class="grid"><article class="card"><h2>Rose seeds</h2><p>Plant in spring, water weekly.</p></article>
        <article class="card"><h2>Spade</h2><p>Forged steel, ash handle.</p></article><article class="card"><h2>Watering can</h2><p>Ten litres.</p></article></main></body></html>
        """;
}
