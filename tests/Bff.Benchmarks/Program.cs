using BenchmarkDotNet.Running;

namespace Bff.Benchmarks;

/// <summary>Runs one area with: dotnet run -c Release --project tests/Bff.Benchmarks -- --filter '*GraphQL*'.</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
