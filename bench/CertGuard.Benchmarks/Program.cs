using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CertGuard.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/CertGuard.Benchmarks -- lookalikes <domain> <list-file>   (bench/lookalikes-vs-dnstwist.sh)
// dotnet run -c Release --project bench/CertGuard.Benchmarks -- bare-signatures <threads> <seconds>   (bench/load/public-verify.sh)
if (args is ["bare-signatures", var threads, var seconds])
{
    CertGuard.Benchmarks.BareSignatures.Run(int.Parse(threads, System.Globalization.CultureInfo.InvariantCulture), double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["lookalikes", var domain, var listFile])
{
    LookalikeCompleteness.Run(domain, listFile);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
