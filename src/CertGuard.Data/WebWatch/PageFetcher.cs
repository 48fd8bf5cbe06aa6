using System.Text;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.WebWatch;

/// <summary>What a fetch of a page saw: the status (null when nothing answered), the headers as text, the HTML.</summary>
public sealed record FetchedPage(string Url, int? Status, string Headers, string Html)
{
    public bool Online => Status is >= 200 and < 400;
}

/// <summary>
/// Fetches a suspect page as a plain browser would (HttpClient, redirects followed, no cookies), keeping at most
/// <c>WebWatch:Fetch:MaxBytes</c>. Only signed-in cyberspace officers and the re-check job start a fetch.
/// </summary>
public sealed class PageFetcher(IHttpClientFactory clients, IOptions<WebWatchOptions> options)
{
    public const string ClientName = "webwatch";

    public async Task<FetchedPage> FetchAsync(string url, CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.Fetch.TimeoutSeconds));
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var headers = new StringBuilder();
            headers.Append("HTTP/").Append(response.Version).Append(' ').Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase).Append('\n');
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers)) headers.Append(name).Append(": ").Append(string.Join(", ", values)).Append('\n');
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new byte[options.Value.Fetch.MaxBytes];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(read), timeout.Token)) > 0) read += n;
            var charset = response.Content.Headers.ContentType?.CharSet;
            var encoding = Encoding.UTF8;
            try
            {
                if (!string.IsNullOrEmpty(charset)) encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: read as UTF-8 (the hashes are of the bytes as text either way).
            }
            return new(url, (int)response.StatusCode, headers.ToString(), encoding.GetString(buffer, 0, read));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new(url, null, $"no answer: {ex.GetType().Name}: {ex.Message}\n", "");
        }
    }
}
