using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertGuard.Testing;
using CertGuard.Web.Features.Exchange;

namespace CertGuard.Web.Tests.Exchange;

/// <summary>The worked examples of docs/exchange.md are what the platform really answers.</summary>
public abstract class ExchangeDocumentTests(CertGuardApp app)
{
    [Fact]
    public async Task Push_examples_give_the_documented_answers()
    {
        var client = app.National();

        var push = await client.PostAsync("/api/v1/exchange/certificates", Json(Example("push-request")));
        Assert.Equal(HttpStatusCode.Created, push.StatusCode);
        AssertSame(Example("push-response"), await push.Content.ReadAsStringAsync());

        var batch = await client.PostAsync("/api/v1/exchange/certificates/batch", Json(Example("batch-request")));
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        AssertSame(Example("batch-response"), await batch.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feed_example_has_the_shape_of_a_real_page_and_its_cursor_points_after_its_last_item()
    {
        var documented = JsonDocument.Parse(Example("feed-response")).RootElement;
        var real = await app.National().PullAsync(null, 2);

        Assert.Equal(Shape(real), Shape(documented));
        var sequences = documented.GetProperty("items").EnumerateArray().Select(i => i.Sequence()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.True(ChangeCursor.TryDecode(documented.GetProperty("next").GetString(), out var last));
        Assert.Equal(sequences[^1], last);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static void AssertSame(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"documented:\n{expected}\nactual:\n{actual}");

    /// <summary>The property paths of a JSON value (array items merged): what a client's parser relies on.</summary>
    private static SortedSet<string> Shape(JsonElement element, string path = "$")
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    paths.Add($"{path}.{property.Name}");
                    paths.UnionWith(Shape(property.Value, $"{path}.{property.Name}"));
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) paths.UnionWith(Shape(item, path + "[]"));
                break;
        }
        return paths;
    }

    /// <summary>The JSON block after <c>&lt;!-- example: NAME --&gt;</c> in docs/exchange.md.</summary>
    private static string Example(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "exchange.md"));
        var marker = text.IndexOf($"<!-- example: {name} -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"example {name} is missing");
        var start = text.IndexOf("```json\n", marker, StringComparison.Ordinal) + "```json\n".Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string RepositoryRoot([CallerFilePath] string source = "")
    {
        foreach (var from in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source)! })
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "CertGuard.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("CertGuard.slnx not found above the test binaries or sources.");
    }
}

public sealed class SqliteExchangeDocumentTests(SqliteApp app) : ExchangeDocumentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresExchangeDocumentTests(PostgresApp app) : ExchangeDocumentTests(app), IClassFixture<PostgresApp>;
