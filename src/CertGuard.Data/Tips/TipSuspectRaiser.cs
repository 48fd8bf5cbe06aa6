using CertGuard.Core.Tips;
using CertGuard.Core.WebWatch;
using CertGuard.Data.Accounts;
using CertGuard.Data.WebWatch;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Data.Tips;

/// <summary>
/// A tip about a fake website or online sales becomes a suspect on web watch's desk (source <c>tip</c>), for the city's
/// cyberspace office to verify, refer and dispose of. Web watch lets only a cyberspace office or the platform add a
/// suspect; the tip's officer is usually neither, so the platform adds it on the tip's behalf, in its own unit of work
/// (a name already known is returned, so trying again never doubles it). The note is the officer's own summary: the
/// tip's material and the reporter stay sealed.
/// </summary>
public sealed class TipSuspectRaiser(IServiceScopeFactory scopes)
{
    public static readonly SystemActor Actor = SystemActor.Job("tips.suspect-site");

    public async Task<Guid> RaiseAsync(Tip tip, string? url, string summary, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url)) throw Core.Refusal.Invalid("TIP-SITE-URL-REQUIRED");
        await using var scope = scopes.CreateActorScope(Actor);
        var desk = scope.ServiceProvider.GetRequiredService<WebWatchDesk>();
        // Online sales are listings on a platform (淘宝、闲鱼、QQ群…); anything else names a website.
        var kind = tip.Kind == TipKind.OnlineSales ? SuspectKind.Listing : SuspectKind.Website;
        var note = $"举报线索（{TipTexts.KindName(tip.Kind)}）：{summary}";
        var added = await desk.AddAsync(new NewSuspect(url.Trim(), kind, SuspectSources.Tip, null, note, null, null, tip.RegionCode, Score: 60), ct);
        return added.Suspect.Id;
    }
}
