using System.Text;

namespace CertGuard.Cli;

/// <summary>The <c>certguard</c> executable: console plumbing only; the commands live in <see cref="Cli"/>.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C asks the command to stop cleanly (a seed batch rolls back); a second one kills the process.
            if (cancellation.IsCancellationRequested) return;
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await Cli.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
    }
}
