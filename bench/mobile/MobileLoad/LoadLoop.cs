using System.Diagnostics;

namespace MobileLoad;

/// <summary>A closed loop: <c>concurrency</c> workers each repeat one scenario until the duration is over.</summary>
internal static class LoadLoop
{
    /// <summary>Runs <paramref name="scenario"/>, which names the outcome of each round (<c>ok</c>, <c>degraded</c>, <c>503</c>...).</summary>
    public static async Task<LoadResult> RunAsync(string name, int concurrency, TimeSpan duration, Func<CancellationToken, Task<string>> scenario)
    {
        var latencies = new List<double>[concurrency];
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var own = latencies[worker] = [];
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                string outcome;
                try
                {
                    outcome = await scenario(CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    outcome = "error";
                }

                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                outcomes.AddOrUpdate(outcome, 1, (_, count) => count + 1);
            }
        });
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var summary = string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"));
        return new LoadResult(name, all.Length, summary, Percentile(all, 0.50), Percentile(all, 0.99), all.Length / clock.Elapsed.TotalSeconds);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
