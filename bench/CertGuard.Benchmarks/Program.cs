using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CertGuard.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
