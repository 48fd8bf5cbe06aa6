using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CertGuard.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/CertGuard.Benchmarks -- lookalikes <domain> <list-file>   (bench/lookalikes-vs-dnstwist.sh)
if (args is ["lookalikes", var domain, var listFile])
{
    LookalikeCompleteness.Run(domain, listFile);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
