using System.Net;
using System.Net.Sockets;

namespace CertGuard.Core.Verification;

/// <summary>
/// The coarse origin the log keeps of a client address: its IPv4 /24 or IPv6 /48 network. Enough to see a burst
/// from one place, not enough to identify a household.
/// </summary>
public static class ClientOrigin
{
    public static string? Of(IPAddress? address)
    {
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return null;
        Array.Clear(bytes, 6, bytes.Length - 6);
        return new IPAddress(bytes) + "/48";
    }
}
