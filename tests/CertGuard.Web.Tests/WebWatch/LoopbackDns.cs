using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CertGuard.Web.Tests.WebWatch;

/// <summary>
/// A small authoritative DNS server on a loopback UDP port, in process, for the resolver tests (never the internet):
/// A, AAAA, NS and MX answers for the names it is given, NXDOMAIN for the rest, a wildcard zone, names that answer
/// SERVFAIL and names it never answers (timeouts).
/// </summary>
public sealed class LoopbackDns : IDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, List<(ushort Type, byte[] Data)>> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _wildcardZones = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _servfail = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _silent = new(StringComparer.OrdinalIgnoreCase);

    public LoopbackDns() => _ = Task.Run(ServeAsync);

    public int Port => ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;

    public string Endpoint => $"127.0.0.1:{Port}";

    public LoopbackDns A(string name, string address) => Add(name, 1, IPAddress.Parse(address).GetAddressBytes());

    public LoopbackDns Ns(string name, string server) => Add(name, 2, Name(server));

    public LoopbackDns Mx(string name, string exchange) => Add(name, 15, [0, 10, .. Name(exchange)]);

    public LoopbackDns Wildcard(string zone)
    {
        lock (_records) _wildcardZones.Add(zone);
        return this;
    }

    public LoopbackDns ServFail(string name)
    {
        lock (_records) _servfail.Add(name);
        return this;
    }

    public LoopbackDns Silent(string name)
    {
        lock (_records) _silent.Add(name);
        return this;
    }

    private LoopbackDns Add(string name, ushort type, byte[] data)
    {
        lock (_records)
        {
            if (!_records.TryGetValue(name, out var list)) _records[name] = list = [];
            list.Add((type, data));
        }
        return this;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult request;
            try
            {
                request = await _udp.ReceiveAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            var reply = Answer(request.Buffer);
            if (reply is not null) await _udp.SendAsync(reply, request.RemoteEndPoint, _stop.Token);
        }
    }

    private byte[]? Answer(byte[] query)
    {
        if (query.Length < 12) return null;
        var at = 12;
        var labels = new List<string>();
        while (at < query.Length && query[at] != 0)
        {
            int length = query[at];
            labels.Add(Encoding.ASCII.GetString(query, at + 1, length));
            at += length + 1;
        }
        at++;
        var type = (ushort)(query[at] << 8 | query[at + 1]);
        var questionEnd = at + 4;
        var name = string.Join('.', labels);
        List<(ushort Type, byte[] Data)> answers = [];
        int rcode;
        lock (_records)
        {
            if (_silent.Contains(name)) return null;
            if (_servfail.Contains(name)) rcode = 2;
            else if (_records.TryGetValue(name, out var list))
            {
                rcode = 0;
                answers = list.Where(r => r.Type == type).ToList();
            }
            else if (_wildcardZones.Any(z => name.EndsWith("." + z, StringComparison.OrdinalIgnoreCase)))
            {
                rcode = 0;
                if (type == 1) answers = [(1, [10, 9, 9, 9])];
            }
            else rcode = 3;
        }
        var reply = new List<byte>
        {
            query[0], query[1], (byte)(0x84 | (query[2] & 0x01)), (byte)(0x80 | rcode), 0, 1, (byte)(answers.Count >> 8), (byte)answers.Count, 0, 0, 0, 0,
        };
        reply.AddRange(query[12..questionEnd]);
        foreach (var (t, data) in answers)
        {
            reply.AddRange([0xC0, 0x0C, (byte)(t >> 8), (byte)t, 0, 1, 0, 0, 0, 60, (byte)(data.Length >> 8), (byte)data.Length]);
            reply.AddRange(data);
        }
        return [.. reply];
    }

    private static byte[] Name(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }
        bytes.Add(0);
        return [.. bytes];
    }

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        _stop.Dispose();
    }
}
