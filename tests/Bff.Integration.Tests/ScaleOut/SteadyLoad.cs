using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Bff.Integration.Tests.ScaleOut;

/// <summary>
/// A bounded, steady load: <c>clients</c> loops, each sending one request at a time (then a short pause) through one
/// shared keep-alive <see cref="HttpClient"/>. Every request is counted; anything but a complete 200 is a failure.
/// No retries of its own: the only ones are the handler's reconnects on a kept-alive connection the server closed
/// before it read the request, which is safe and what every HTTP client does.
/// </summary>
internal sealed class SteadyLoad : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _target;
    private readonly string _token;
    private readonly TimeSpan _pause;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<LoadOutcome> _outcomes = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task[] _workers;

    private SteadyLoad(Uri baseAddress, string path, string token, int clients, TimeSpan pause)
    {
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
        _target = new Uri(baseAddress, path);
        _token = token;
        _pause = pause;
        _workers = [.. Enumerable.Range(0, clients).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>Time since the load started: the clock the outcomes are stamped with.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public int Completed => _outcomes.Count;

    public static SteadyLoad Start(Uri baseAddress, string path, string token, int clients = 8, int pauseMs = 5) =>
        new(baseAddress, path, token, clients, TimeSpan.FromMilliseconds(pauseMs));

    /// <summary>Waits until at least <paramref name="count"/> more requests have completed (proves the load runs).</summary>
    public async Task WaitForMoreAsync(int count, CancellationToken cancellationToken)
    {
        var target = Completed + count;
        var limit = Stopwatch.StartNew();
        while (Completed < target)
        {
            if (limit.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"The load completed only {Completed} of {target} requests in 30 s.");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>Stops the clients, lets the requests in flight finish, and returns every outcome.</summary>
    public async Task<LoadResult> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        return new LoadResult([.. _outcomes.OrderBy(o => o.Started)]);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var started = _clock.Elapsed;
            string? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, _target);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);

                // Not the stop token: a request once sent is always seen through to its end and counted.
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    error = $"HTTP {(int)response.StatusCode}";
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
            }

            _outcomes.Enqueue(new LoadOutcome(started, _clock.Elapsed, error));
            try
            {
                await Task.Delay(_pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }
}
