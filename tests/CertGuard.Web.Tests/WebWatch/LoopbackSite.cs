using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CertGuard.Web.Tests.WebWatch;

/// <summary>
/// A one-page web site on a loopback address (127.0.0.x, so each site has its own host name for the suspect key):
/// serves its HTML to every GET; taken offline, it refuses connections, as a closed site does.
/// </summary>
public sealed class LoopbackSite : IDisposable
{
    private readonly IPAddress _address;
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public LoopbackSite(string address, string html)
    {
        _address = IPAddress.Parse(address);
        Html = html;
        _listener = new TcpListener(_address, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Serve();
    }

    public string Html { get; set; }

    public int Port { get; }

    public string Url => $"http://{_address}:{Port}/";

    public void GoOffline()
    {
        _stop?.Cancel();
        _listener?.Stop();
        _listener = null;
    }

    public void ComeBack()
    {
        if (_listener is not null) return;
        _listener = new TcpListener(_address, Port);
        _listener.Start();
        Serve();
    }

    private void Serve()
    {
        _stop = new CancellationTokenSource();
        var listener = _listener!;
        var stop = _stop.Token;
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop);
                }
                catch (Exception)
                {
                    return;
                }
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        var stream = client.GetStream();
                        var buffer = new byte[8192];
                        var read = 0;
                        while (read < buffer.Length)
                        {
                            var n = await stream.ReadAsync(buffer.AsMemory(read));
                            if (n == 0) break;
                            read += n;
                            if (Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal)) break;
                        }
                        var body = Encoding.UTF8.GetBytes(Html);
                        var head = $"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nServer: fake-site\r\nConnection: close\r\n\r\n";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                        await stream.WriteAsync(body);
                    }
                });
            }
        });
    }

    public void Dispose()
    {
        GoOffline();
        _stop?.Dispose();
    }
}
