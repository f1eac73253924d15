// BenchmarkDotNet: dotnet run -c Release --project tests/Benchmarks -- --filter '*' --job short
// The whole comparison with the server and its peers, one line per row: scripts/bench.sh
// (dotnet run -c Release --project tests/Benchmarks -- side-by-side <repository root> [rounds]).
using BenchmarkDotNet.Running;
using HealthFuncs.Benchmarks.SideBySide;

if (args is [SideBySideRun.Command, .. var rest]) return await SideBySideRun.RunAsync(rest);
BenchmarkSwitcher.FromAssembly(typeof(HealthFuncs.Benchmarks.Cells).Assembly).Run(args);
return 0;
