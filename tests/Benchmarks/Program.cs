// dotnet run -c Release --project tests/Benchmarks -- --filter '*' --job short
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(HealthFuncs.Benchmarks.Cells).Assembly).Run(args);
