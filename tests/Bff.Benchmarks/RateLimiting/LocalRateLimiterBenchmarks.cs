using BenchmarkDotNet.Attributes;
using Bff.RateLimiting;

namespace Bff.Benchmarks.RateLimiting;

/// <summary>
/// What one in-process check costs: one hot key, a working set of a million keys (cache misses; the first pass
/// inserts them), the call through
/// the async interface the edge uses, and the two header values an allowed response gets.
/// Run: dotnet run -c Release --project tests/Bff.Benchmarks -- --filter '*LocalRateLimiter*'.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessJobs.Short))]
public class LocalRateLimiterBenchmarks
{
    private readonly RateLimitPolicy _policy = new() { Name = "bench", Limit = 1_000_000_000, Period = TimeSpan.FromSeconds(1), Burst = 1_000_000_000 };
    private LocalRateLimiter _limiter = null!;
    private IRateLimiterBackend _backend = null!;
    private string[] _freshKeys = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _limiter = new LocalRateLimiter(maxKeys: 10_000_000);
        _backend = _limiter;
        _freshKeys = Enumerable.Range(0, 1_000_000).Select(i => $"user-{i}").ToArray();
        _limiter.Check("user-hot", _policy);
    }

    [GlobalCleanup]
    public void Cleanup() => _limiter.Dispose();

    [Benchmark(Baseline = true)]
    public bool Check_known_key() => _limiter.Check("user-hot", _policy).IsAllowed;

    [Benchmark]
    public bool Check_million_key_working_set() => _limiter.Check(_freshKeys[_next++ % _freshKeys.Length], _policy).IsAllowed;

    [Benchmark]
    public async ValueTask<bool> CheckAsync_via_interface() => (await _backend.CheckAsync("user-hot", _policy)).IsAllowed;

    [Benchmark]
    public int Format_headers()
    {
        var decision = _limiter.Check("user-hot", _policy);
        return RateLimitHeaders.FormatPolicy(decision.Policy).Length + RateLimitHeaders.FormatRateLimit(decision).Length;
    }
}
