using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Bff.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bff.Benchmarks.RateLimiting;

/// <summary>
/// Distributed check latency on loopback: each invocation is 20,000 checks by 16 concurrent callers through the
/// limiter's own multiplexer (as the edge configures it) against a real redis-server, every check timed; the cleanup prints p50/p99/max over all
/// measured invocations and, for context, <c>redis-benchmark -t ping</c> with the same load against the same server.
/// Run: dotnet run -c Release --project tests/Bff.Benchmarks -- --filter '*RedisRateLimiterLatency*'.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessJobs.Monitoring))]
public class RedisRateLimiterLatencyBenchmarks
{
    private const int Checks = 20_000;
    private const int Concurrency = 16;

    private readonly List<long> _latencies = new(Checks * 8);
    private readonly RateLimitPolicy _policy = new() { Name = "bench", Limit = 1_000, Period = TimeSpan.FromSeconds(1), Burst = 100 };
    private RedisServerForBenchmarks _server = null!;
    private RedisConnection _connection = null!;
    private IRateLimiterBackend _limiter = null!;
    private long[] _current = new long[Checks];
    private int _invocations;

    [GlobalSetup]
    public void Setup()
    {
        _server = new RedisServerForBenchmarks();
        _connection = new RedisConnection(new RedisOptions { Endpoint = _server.Endpoint }, "bench", NullLogger.Instance);
        _limiter = new RedisRateLimiter(_connection, "bench:");
        _limiter.CheckAsync("warm", _policy).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Checks)]
    public async Task Check_20000_with_16_concurrent()
    {
        var next = -1;
        var workers = new Task[Concurrency];
        for (var w = 0; w < Concurrency; w++)
        {
            var worker = w;
            workers[w] = Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Checks)
                {
                    var started = Stopwatch.GetTimestamp();
                    await _limiter.CheckAsync($"partner-{(i + worker) % 64}", _policy);
                    _current[i] = Stopwatch.GetTimestamp() - started;
                }
            });
        }

        await Task.WhenAll(workers);

        // The first invocation is BenchmarkDotNet's warm-up (jitting, connection): keep the later ones.
        if (++_invocations > 1)
        {
            _latencies.AddRange(_current);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_latencies.Count > 0)
        {
            _latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// RateLimit Redis check latency over {_latencies.Count} checks ({Concurrency} concurrent): p50 {Micros(0.50)} us, p99 {Micros(0.99)} us, max {Micros(1.0)} us"));
        }

        // Per test (PING_INLINE, PING_MBULK) its closing summary: throughput, then "avg min p50 p95 p99 max" (ms) and the values.
        var test = string.Empty;
        var printNext = false;
        foreach (var line in _server.RunRedisBenchmarkPing(Checks, Concurrency).Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("======", StringComparison.Ordinal))
            {
                test = line.Trim('=', ' ');
            }
            else if (printNext || line.StartsWith("throughput summary", StringComparison.Ordinal) || line.StartsWith("avg", StringComparison.Ordinal))
            {
                Console.WriteLine($"// redis-benchmark -t ping -n {Checks} -c {Concurrency} {test}: {line}");
                printNext = line.StartsWith("avg", StringComparison.Ordinal);
            }
        }

        _connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.Dispose();
    }

    private string Micros(double quantile)
    {
        var index = Math.Min(_latencies.Count - 1, (int)(quantile * _latencies.Count));
        return (_latencies[index] * 1_000_000.0 / Stopwatch.Frequency).ToString("0", CultureInfo.InvariantCulture);
    }
}
