using System.CommandLine;
using System.Data.Common;
using System.Net.Sockets;

namespace CertGuard.Cli.Hosting;

/// <summary>Runs a command's body and turns whatever stops it into a Chinese message on stderr and exit code 2.</summary>
internal static class CommandFailure
{
    public static Func<ParseResult, CancellationToken, Task<int>> Guard(string task, Func<ParseResult, TextWriter, CancellationToken, Task<int>> body) =>
        async (parseResult, ct) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            try
            {
                return await body(parseResult, stdout, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await stderr.WriteLineAsync($"已取消：{task}未完成。");
                return ExitCodes.CannotRun;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                await stderr.WriteLineAsync($"错误：无法{task}。{Describe(ex)}");
                return ExitCodes.CannotRun;
            }
        };

    /// <summary>The operator's view of an exception: what kind of trouble, then the driver's own words.</summary>
    public static string Describe(Exception ex)
    {
        if (ex is CliException) return ex.Message;
        var kind = Chain(ex).Any(e => e is SocketException or TimeoutException) ? "无法连接数据库"
            : Chain(ex).Any(e => e is DbException) ? "数据库操作失败"
            : "运行失败";
        var details = Chain(ex).Select(e => e.Message.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        return $"{kind}：{string.Join(" → ", details)}";
    }

    private static IEnumerable<Exception> Chain(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException) yield return e;
    }
}
