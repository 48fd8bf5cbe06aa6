using CertGuard.Data.WebWatch;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Tests.WebWatch;

/// <summary>The resolver against a DNS server on loopback: registered, NXDOMAIN, wildcard, SERVFAIL and timeouts as unknown.</summary>
public sealed class DomainResolverTests : IDisposable
{
    private readonly LoopbackDns _dns = new LoopbackDns()
        .A("memgov.test", "198.51.100.4").Ns("memgov.test", "ns1.parking.test").Mx("memgov.test", "mail.memgov.test")
        .Wildcard("wild.test").ServFail("broken.test").Silent("slow.test");

    private DomainResolver Resolver() => new(Options.Create(new WebWatchOptions
    {
        Dns = new WebWatchOptions.DnsSettings { Servers = [_dns.Endpoint], TimeoutMilliseconds = 2000, Retries = 0 },
    }));

    [Fact]
    public async Task A_registered_name_answers_with_its_records()
    {
        var answer = await Resolver().ResolveAsync("memgov.test", CancellationToken.None);
        Assert.True(answer.Verdict == DnsVerdict.Registered, $"{answer.Verdict} {answer.Error}");
        Assert.Equal(["198.51.100.4"], answer.Addresses);
        Assert.Equal(["ns1.parking.test"], answer.NameServers);
        Assert.Equal(["mail.memgov.test"], answer.Mail);
    }

    [Fact]
    public async Task Nxdomain_is_not_found()
    {
        Assert.Equal(DnsVerdict.NotFound, (await Resolver().ResolveAsync("mem-gov.test", CancellationToken.None)).Verdict);
    }

    [Fact]
    public async Task A_name_in_a_wildcard_zone_is_not_taken_for_registered()
    {
        var answer = await Resolver().ResolveAsync("mem-gov.wild.test", CancellationToken.None);
        Assert.Equal(DnsVerdict.Wildcard, answer.Verdict);
    }

    [Fact]
    public async Task Servfail_and_timeouts_are_unknown()
    {
        var resolver = Resolver();
        Assert.Equal(DnsVerdict.Unknown, (await resolver.ResolveAsync("broken.test", CancellationToken.None)).Verdict);
        Assert.Equal(DnsVerdict.Unknown, (await resolver.ResolveAsync("slow.test", CancellationToken.None)).Verdict);
    }

    public void Dispose() => _dns.Dispose();
}
