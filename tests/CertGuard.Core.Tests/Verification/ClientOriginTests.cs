using System.Net;
using CertGuard.Core.Verification;

namespace CertGuard.Core.Tests.Verification;

public sealed class ClientOriginTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("::ffff:203.0.113.77", "203.0.113.0/24")]
    [InlineData("2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd::/48")]
    public void Keeps_the_network_not_the_address(string address, string origin) =>
        Assert.Equal(origin, ClientOrigin.Of(IPAddress.Parse(address)));

    [Fact]
    public void No_address_no_origin() => Assert.Null(ClientOrigin.Of(null));
}
