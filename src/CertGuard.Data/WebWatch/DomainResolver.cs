using System.Net;
using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.WebWatch;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DnsVerdict>))]
public enum DnsVerdict
{
    /// <summary>The name exists: it answered with records (or NOERROR without data).</summary>
    Registered,
    /// <summary>NXDOMAIN.</summary>
    NotFound,
    /// <summary>It answers only because its parent zone answers every name (a wildcard): not evidence of registration.</summary>
    Wildcard,
    /// <summary>SERVFAIL, REFUSED or a timeout: not known, never counted as registered.</summary>
    Unknown,
}

public sealed record DnsAnswer(string Domain, DnsVerdict Verdict, IReadOnlyList<string> Addresses, IReadOnlyList<string> NameServers, IReadOnlyList<string> Mail, string? Error);

/// <summary>
/// Resolves look-alike names through DnsClient.NET against the configured name servers (<c>WebWatch:Dns:Servers</c>):
/// A, AAAA, MX and NS, with the parent zone tested for a wildcard by a random label.
/// </summary>
public sealed class DomainResolver
{
    private readonly LookupClient _client;
    private readonly int _concurrency;

    public DomainResolver(IOptions<WebWatchOptions> options)
    {
        var dns = options.Value.Dns;
        var servers = dns.Servers.Select(Endpoint).ToArray();
        var lookup = servers.Length > 0 ? new LookupClientOptions(servers) : new LookupClientOptions();
        lookup.Timeout = TimeSpan.FromMilliseconds(dns.TimeoutMilliseconds);
        lookup.Retries = dns.Retries;
        lookup.UseCache = false;
        lookup.ThrowDnsErrors = false;
        lookup.ContinueOnDnsError = false;
        lookup.ContinueOnEmptyResponse = false;
        lookup.UseTcpFallback = true;
        _client = new LookupClient(lookup);
        _concurrency = dns.Concurrency;
    }

    public static NameServer Endpoint(string text)
    {
        var value = text.Trim();
        if (IPEndPoint.TryParse(value, out var endpoint) && (value.Contains(']') || value.Count(c => c == ':') == 1))
            return new NameServer(endpoint.Address, endpoint.Port == 0 ? 53 : endpoint.Port);
        return new NameServer(IPAddress.Parse(value), 53);
    }

    public async Task<IReadOnlyList<DnsAnswer>> ResolveAllAsync(IEnumerable<string> domains, CancellationToken ct)
    {
        var wildcards = new Dictionary<string, Task<bool?>>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(_concurrency);
        var tasks = domains.Select(async d =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return await ResolveAsync(d, wildcards, ct);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        return await Task.WhenAll(tasks);
    }

    public Task<DnsAnswer> ResolveAsync(string domain, CancellationToken ct) => ResolveAsync(domain, new Dictionary<string, Task<bool?>>(), ct);

    private async Task<DnsAnswer> ResolveAsync(string domain, Dictionary<string, Task<bool?>> wildcards, CancellationToken ct)
    {
        try
        {
            var a = await _client.QueryAsync(domain, QueryType.A, cancellationToken: ct);
            if (Failed(a) is { } failure) return new(domain, DnsVerdict.Unknown, [], [], [], failure);
            if (a.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain) return new(domain, DnsVerdict.NotFound, [], [], [], null);
            var aaaa = await _client.QueryAsync(domain, QueryType.AAAA, cancellationToken: ct);
            var mx = await _client.QueryAsync(domain, QueryType.MX, cancellationToken: ct);
            var ns = await _client.QueryAsync(domain, QueryType.NS, cancellationToken: ct);
            var addresses = a.Answers.ARecords().Select(r => r.Address.ToString())
                .Concat(aaaa.HasError ? [] : aaaa.Answers.AaaaRecords().Select(r => r.Address.ToString())).Distinct().ToList();
            var mail = mx.HasError ? [] : mx.Answers.MxRecords().Select(r => r.Exchange.Value.TrimEnd('.')).ToList();
            var servers = ns.HasError ? [] : ns.Answers.NsRecords().Select(r => r.NSDName.Value.TrimEnd('.')).ToList();
            var parent = Parent(domain);
            if (parent is not null)
            {
                Task<bool?> probe;
                lock (wildcards)
                {
                    if (!wildcards.TryGetValue(parent, out probe!)) wildcards[parent] = probe = AnswersAnyNameAsync(parent, ct);
                }
                if (await probe == true) return new(domain, DnsVerdict.Wildcard, addresses, servers, mail, null);
            }
            return new(domain, DnsVerdict.Registered, addresses, servers, mail, null);
        }
        catch (DnsResponseException ex)
        {
            return new(domain, DnsVerdict.Unknown, [], [], [], ex.Code.ToString());
        }
    }

    // A random label under the parent: a zone that answers it answers every name.
    private async Task<bool?> AnswersAnyNameAsync(string parent, CancellationToken ct)
    {
        try
        {
            var label = "wc-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
            var r = await _client.QueryAsync($"{label}.{parent}", QueryType.A, cancellationToken: ct);
            if (Failed(r) is not null) return null;
            return r.Header.ResponseCode == DnsHeaderResponseCode.NoError && r.Answers.ARecords().Any();
        }
        catch (DnsResponseException)
        {
            return null;
        }
    }

    private static string? Failed(IDnsQueryResponse r) =>
        r.Header.ResponseCode is DnsHeaderResponseCode.NoError or DnsHeaderResponseCode.NotExistentDomain ? null : r.Header.ResponseCode.ToString();

    // The zone above a name, but never a bare suffix (com, cn, gov.cn): a TLD is not a wildcard we can learn from.
    private static string? Parent(string domain)
    {
        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return null;
        var parent = domain[(dot + 1)..];
        return parent.Contains('.', StringComparison.Ordinal) && !Core.WebWatch.DomainName.MultiPartSuffixes.Contains(parent) ? parent : null;
    }
}
