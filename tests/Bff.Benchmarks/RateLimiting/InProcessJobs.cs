using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Bff.Benchmarks.RateLimiting;

/// <summary>
/// In-process jobs: on this 2-core machine shared with other builds, BenchmarkDotNet's generated child project does
/// not finish building within its 2-minute limit, and these benchmarks need no isolation beyond their own setup.
/// </summary>
internal static class InProcessJobs
{
    /// <summary>Short run (3 warm-ups, 3 iterations) for the micro-benchmarks.</summary>
    public sealed class Short : ManualConfig
    {
        public Short() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }

    /// <summary>Each invocation is a whole measured loop: run it a few times, no pilot stage.</summary>
    public sealed class Monitoring : ManualConfig
    {
        public Monitoring() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance));
    }
}
