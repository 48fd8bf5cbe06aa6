using System.Net;
using System.Security.Cryptography;
using System.Text;
using CertGuard.Web.Features.Verification.PublicQuery;

namespace CertGuard.Web.Tests.Verification.PublicQuery;

/// <summary>The small rules under the public query (names: Core HolderNameRuleTests): the client key, the proof-of-work arithmetic, the limits' buckets.</summary>
public sealed class PublicQueryRulesTests
{
    [Fact]
    public void Leading_zero_bits_are_counted_across_bytes()
    {
        Assert.Equal(0, QueryChallenges.LeadingZeroBits([0x80, 0]));
        Assert.Equal(7, QueryChallenges.LeadingZeroBits([0x01, 0xFF]));
        Assert.Equal(12, QueryChallenges.LeadingZeroBits([0x00, 0x08]));
        Assert.Equal(16, QueryChallenges.LeadingZeroBits([0x00, 0x00]));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("x"));
        Assert.InRange(QueryChallenges.LeadingZeroBits(hash), 0, 256);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    public void Anonymous_clients_count_by_address_and_ipv6_by_64_network(string address, string key) =>
        Assert.Equal(key, PublicQueryRateLimits.AddressKey(IPAddress.Parse(address)));

    [Fact]
    public void Buckets_hold_the_burst_and_refill_at_the_rate_per_minute()
    {
        var perClient = PublicQueryRateLimits.Bucket(new RateLimit { PermitsPerMinute = 10, Burst = 5 });
        Assert.Equal(5, perClient.TokenLimit);
        Assert.Equal(TimeSpan.FromSeconds(6), perClient.ReplenishmentPeriod);
        Assert.Equal(1, perClient.TokensPerPeriod);
        var bench = PublicQueryRateLimits.Bucket(new RateLimit { PermitsPerMinute = 6_000_000, Burst = 1_000_000 });
        Assert.Equal(TimeSpan.FromSeconds(1), bench.ReplenishmentPeriod);
        Assert.Equal(100_000, bench.TokensPerPeriod);
    }
}
