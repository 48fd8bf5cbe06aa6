using System.Globalization;
using System.Text.RegularExpressions;
using CertGuard.Core;
using CertGuard.Core.Holders;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace CertGuard.Web.Tests.Errors;

/// <summary>
/// The refusal table against the source: every code the source can raise has one kind, a Chinese and an English text
/// with the same placeholders, and the arguments its raise site passes; the table holds no code nobody raises; and
/// the pages' mapping answers every code with the same status as the API's.
/// </summary>
public sealed partial class RefusalTableTests
{
    private static readonly string Root = FindRoot();

    private static readonly CultureInfo Chinese = new("zh-CN");

    private static readonly CultureInfo English = new("en");

    /// <summary>A raise site: <c>Refusal.Kind("CODE", ("name", value)…)</c>.</summary>
    private sealed record Raise(string Code, RefusalKind Kind, IReadOnlySet<string> Arguments, string Where);

    private static readonly Lazy<List<Raise>> Raises = new(Scan);

    /// <summary>Codes of problems that are not refusals of the domain, written from the table (400, 401, 405 …).</summary>
    private static readonly Lazy<HashSet<string>> GenericCodes = new(() => SourceFiles()
        .SelectMany(f => GenericCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
        .ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void Every_code_the_source_raises_has_one_kind()
    {
        var mixed = Raises.Value.GroupBy(r => r.Code).Where(g => g.Select(r => r.Kind).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => $"{r.Kind} at {r.Where}"))}").ToList();
        Assert.True(Raises.Value.Count > 100, $"Only {Raises.Value.Count} raise sites found under {Root}/src");
        Assert.Empty(mixed);
    }

    [Fact]
    public void The_table_holds_exactly_the_codes_the_source_raises()
    {
        var raised = Raises.Value.Select(r => r.Code).Concat(GenericCodes.Value).Concat(IdNumberError.All.Select(e => e.Code))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(raised.Except(RefusalMessages.Codes).Order());
        Assert.Empty(RefusalMessages.Codes.Except(raised).Order());
    }

    [Fact]
    public void Every_text_is_in_Chinese_and_in_English_with_the_same_placeholders()
    {
        foreach (var code in RefusalMessages.Codes)
        {
            var (chinese, english) = RefusalMessages.Texts(code)!.Value;
            Assert.True(Http.HasChinese(chinese), $"{code}: no Chinese text");
            Assert.False(english.Any(c => c is >= '\u4E00' and <= '\u9FFF'), $"{code}: Chinese in the English text");
            Assert.Equal(Placeholders(chinese), Placeholders(english));
        }
    }

    [Fact]
    public void Every_raise_site_passes_the_arguments_its_text_asks_for()
    {
        var wrong = Raises.Value.Where(r => !Placeholders(RefusalMessages.Texts(r.Code)?.Chinese ?? "").SetEquals(r.Arguments))
            .Select(r => $"{r.Code} at {r.Where}: passes {string.Join(",", r.Arguments)}").ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Refusals_with_a_code_made_at_run_time_are_only_the_ID_number_errors()
    {
        var dynamic = SourceFiles().SelectMany(f => DynamicRaise().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}")).ToList();
        Assert.Equal(["IdNumberError.cs: Refusal.Invalid(Code"], dynamic);
        foreach (var error in IdNumberError.All)
            Assert.Equal(error.Message, error.ToRefusal().Describe(Chinese));
    }

    [Fact]
    public async Task Pages_and_the_API_answer_every_code_with_the_same_status()
    {
        foreach (var raise in Raises.Value.DistinctBy(r => r.Code))
        {
            var refusal = Refusal.Create(raise.Kind, raise.Code, raise.Arguments.Select(a => (a, (object?)"x")).ToArray());
            var api = Failure.Of(refusal, English);
            var (page, alert) = await ThroughPageFilterAsync(refusal);
            Assert.Equal((raise.Code, api.Status), (raise.Code, page));
            Assert.Equal(api.Title, refusal.Describe(English));
            Assert.Equal(refusal.Describe(CultureInfo.CurrentUICulture), alert);
            Assert.False(api.Unexpected);
        }
    }

    [Fact]
    public void Generic_failures_map_to_their_problems()
    {
        Assert.Equal((409, "CONCURRENT-CHANGE"), Map(new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException("x")));
        Assert.Equal((413, "REQUEST-TOO-LARGE"), Map(new BadHttpRequestException("big", StatusCodes.Status413PayloadTooLarge)));
        Assert.Equal((413, "REQUEST-TOO-LARGE"), Map(new InvalidDataException("Multipart body length limit 16842752 exceeded.")));
        Assert.Equal((400, "BAD-REQUEST"), Map(new BadHttpRequestException("bad")));
        Assert.Equal((503, "DATABASE-BUSY"), Map(new Microsoft.EntityFrameworkCore.DbUpdateException("x", new Microsoft.Data.Sqlite.SqliteException("database is locked", 5))));
        Assert.Equal((503, "DATABASE-BUSY"), Map(new InvalidOperationException("x", new TimeoutException())));
        Assert.Equal((500, "INTERNAL-ERROR"), Map(new InvalidOperationException("x")));
        Assert.Equal("The platform is busy: try again in 5 seconds.", Failure.Of(new TimeoutException(), English).Title);
        Assert.Equal(TimeSpan.FromSeconds(5), Failure.Of(new TimeoutException(), English).RetryAfter);

        static (int, string) Map(Exception e) => (Failure.Of(e, Chinese).Status, Failure.Of(e, Chinese).Code);
    }

    /// <summary>Runs a handler that throws the refusal through the pages' filter, as Razor Pages would.</summary>
    private static async Task<(int Status, string? Alert)> ThroughPageFilterAsync(DomainRuleException refusal)
    {
        var http = new DefaultHttpContext();
        var pageContext = new PageContext(new ActionContext(http, new RouteData(), new CompiledPageActionDescriptor()));
        var page = new RefusingPage { PageContext = pageContext };
        var executing = new PageHandlerExecutingContext(pageContext, [], null, new Dictionary<string, object?>(), page);
        PageHandlerExecutedContext? executed = null;
        await new RefusalPageFilter().OnPageHandlerExecutionAsync(executing,
            () => Task.FromResult(executed = new PageHandlerExecutedContext(pageContext, [], null, page) { Exception = refusal }));
        Assert.True(executed!.ExceptionHandled);
        var result = Assert.IsType<PageResult>(executed.Result);
        Assert.Equal(http.Response.StatusCode, result.StatusCode);
        return (http.Response.StatusCode, page.Error);
    }

    private sealed class RefusingPage : PageModel, IShowsRefusals
    {
        public string? Error { get; private set; }

        public Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
        {
            Error = refusal.Message;
            return Task.FromResult<IActionResult>(Page());
        }
    }

    private static List<Raise> Scan()
    {
        var raises = new List<Raise>();
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LiteralRaise().Matches(text))
            {
                if (InComment(text, m.Index)) continue;
                var call = Call(text, m.Groups["code"].Index - 2);
                var arguments = Argument().Matches(call).Select(a => a.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
                var line = text[..m.Index].Count(c => c == '\n') + 1;
                raises.Add(new Raise(m.Groups["code"].Value, Enum.Parse<RefusalKind>(m.Groups["kind"].Value), arguments,
                    $"{Path.GetRelativePath(Root, file)}:{line}"));
            }
        }
        return raises;
    }

    private static bool InComment(string text, int index)
    {
        var start = text.LastIndexOf('\n', index) + 1;
        return text.AsSpan(start, index - start).TrimStart().StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>The call's argument list, from its opening parenthesis to the matching closing one.</summary>
    private static string Call(string text, int open)
    {
        var depth = 0;
        var inString = false;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' && text[i - 1] != '\\') inString = !inString;
            if (inString) continue;
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) return text[open..(i + 1)];
        }
        throw new InvalidOperationException($"Unbalanced call at {open}");
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CertGuard.slnx"))) return dir.FullName;
        throw new InvalidOperationException("CertGuard.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("Refusal\\.(?<kind>Invalid|NotFound|Conflict|Forbidden|TooLarge|TooMany|Busy)\\(\"(?<code>[A-Z0-9-]+)\"")]
    private static partial Regex LiteralRaise();

    [GeneratedRegex("""Refusal\.(Invalid|NotFound|Conflict|Forbidden|TooLarge|TooMany|Busy)\((?!")\w+""")]
    private static partial Regex DynamicRaise();

    [GeneratedRegex("""\(\s*"(?<name>\w+)"\s*,""")]
    private static partial Regex Argument();

    [GeneratedRegex("(ProblemText\\.Of\\(|Problems\\.WriteAsync\\([^,;]+,[^,;]+,\\s*)\"(?<code>[A-Z0-9-]+)\"")]
    private static partial Regex GenericCode();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
