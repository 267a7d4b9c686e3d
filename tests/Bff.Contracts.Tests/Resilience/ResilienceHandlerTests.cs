using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Bff.TestSupport.Time;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Bff.Contracts.Tests.Resilience;

/// <summary>The resilience handler against a real Kestrel upstream that fails on purpose.</summary>
public sealed class ResilienceHandlerTests : IAsyncLifetime
{
    private FlakyUpstream _upstream = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _upstream = await FlakyUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Get_is_retried_on_503_until_it_succeeds()
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?> { ["MaxRetryAttempts"] = "2" });

        using var response = await client.Http.GetAsync("fail/a?times=2", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _upstream.Requests("a"));
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetryAttempts_and_the_last_answer_is_returned()
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?> { ["MaxRetryAttempts"] = "2" });

        using var response = await client.Http.GetAsync("fail/b?times=10&status=502", Token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(3, _upstream.Requests("b"));
    }

    [Theory]
    [InlineData("PUT", 2)]
    [InlineData("DELETE", 2)]
    [InlineData("POST", 1)]
    [InlineData("PATCH", 1)]
    public async Task Only_idempotent_methods_are_retried(string method, int expectedRequests)
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?> { ["MaxRetryAttempts"] = "3" });
        var key = "m" + method;

        using var request = new HttpRequestMessage(new HttpMethod(method), $"fail/{key}?times=1") { Content = new StringContent("{}") };
        using var response = await client.Http.SendAsync(request, Token);

        Assert.Equal(expectedRequests, _upstream.Requests(key));
        Assert.Equal(expectedRequests == 2 ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Theory]
    [InlineData(404, 1)]
    [InlineData(501, 1)]
    [InlineData(400, 1)]
    [InlineData(408, 2)]
    [InlineData(429, 2)]
    [InlineData(500, 2)]
    public async Task Only_transient_statuses_are_retried(int status, int expectedRequests)
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?> { ["MaxRetryAttempts"] = "3" });
        var key = "s" + status;

        using var response = await client.Http.GetAsync($"fail/{key}?times=1&status={status}", Token);

        Assert.Equal(expectedRequests, _upstream.Requests(key));
    }

    [Fact]
    public async Task Retry_after_within_the_max_delay_is_waited_for()
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["MaxRetryAttempts"] = "1",
            ["RetryMaxDelay"] = "00:00:02",
        });
        var watch = Stopwatch.StartNew();

        using var response = await client.Http.GetAsync("fail/patient?times=1&status=429&retryAfter=1", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}");
    }

    [Fact]
    public async Task Retry_after_beyond_the_max_delay_is_not_retried()
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["MaxRetryAttempts"] = "3",
            ["RetryMaxDelay"] = "00:00:01",
        });

        using var response = await client.Http.GetAsync("fail/impatient?times=1&status=503&retryAfter=30", Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _upstream.Requests("impatient"));
    }

    [Fact]
    public async Task Retries_and_circuit_changes_are_counted_on_the_Bff_Resilience_meter()
    {
        var destination = _upstream.BaseAddress.GetLeftPart(UriPartial.Authority);
        var retries = 0L;
        var opened = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Bff.Resilience")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagList = tags.ToArray();
            if (instrument.Name == "bff.resilience.retries" && tagList.Any(t => t.Key == "service" && (string?)t.Value == "upstream"))
            {
                Interlocked.Add(ref retries, value);
            }
            else if (instrument.Name == "bff.resilience.circuit_transitions"
                && tagList.Any(t => t.Key == "destination" && (string?)t.Value == destination)
                && tagList.Any(t => t.Key == "state" && (string?)t.Value == "open"))
            {
                Interlocked.Add(ref opened, value);
            }
        });
        listener.Start();
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["MaxRetryAttempts"] = "1",
            ["BreakerMinimumThroughput"] = "2",
            ["BreakerBreakDuration"] = "00:00:30",
        });

        using (await client.Http.GetAsync("fail/metered?times=100", Token))
        {
        }

        Assert.True(Interlocked.Read(ref retries) >= 1);
        Assert.Equal(1, Interlocked.Read(ref opened));
    }

    [Fact]
    public async Task Retry_budget_caps_retries_at_the_configured_share_of_requests()
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["MaxRetryAttempts"] = "1",
            ["RetryBudgetRatio"] = "0.2",
            ["RetryBudgetMinPerSecond"] = "0",
            ["RetryBudgetWindow"] = "00:01:00",
        });

        for (var i = 0; i < 50; i++)
        {
            using var response = await client.Http.GetAsync("fail/budget?times=1000", Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        // Without a budget every request would be retried once (100 requests); 20% of 50 allows 10 retries.
        var requests = _upstream.Requests("budget");
        Assert.InRange(requests, 59, 60);
    }

    [Fact]
    public async Task Retry_budget_refills_once_the_window_has_passed()
    {
        var time = new ManualTimeProvider();
        await using var client = ResilientClient.Create(
            _upstream.BaseAddress,
            new Dictionary<string, string?>
            {
                ["MaxRetryAttempts"] = "1",
                ["RetryBudgetRatio"] = "0",
                ["RetryBudgetMinPerSecond"] = "1",
                ["RetryBudgetWindow"] = "00:00:02",
            },
            time);

        for (var i = 0; i < 4; i++)
        {
            using var response = await client.Http.GetAsync("fail/refill?times=1000", Token);
        }

        Assert.Equal(4 + 2, _upstream.Requests("refill"));

        time.Advance(TimeSpan.FromSeconds(3));
        using (await client.Http.GetAsync("fail/refill?times=1000", Token))
        {
        }

        Assert.Equal(6 + 2, _upstream.Requests("refill"));
    }

    [Fact]
    public async Task Circuit_opens_rejects_without_a_call_then_half_opens_and_closes()
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["MaxRetryAttempts"] = "0",
            ["BreakerMinimumThroughput"] = "2",
            ["BreakerFailureRatio"] = "0.5",
            ["BreakerSamplingDuration"] = "00:00:10",
            ["BreakerBreakDuration"] = "00:00:00.500",
        });
        const string url = "fail/breaker?times=3";

        using (await client.Http.GetAsync(url, Token))
        using (await client.Http.GetAsync(url, Token))
        {
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.Http.GetAsync(url, Token));
        Assert.Equal(2, _upstream.Requests("breaker"));

        // Half-open: one trial call, which fails (third failure) and opens the circuit again.
        await Task.Delay(700, Token);
        using (var trial = await client.Http.GetAsync(url, Token))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, trial.StatusCode);
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.Http.GetAsync(url, Token));
        Assert.Equal(3, _upstream.Requests("breaker"));

        // Half-open again: the trial succeeds and closes the circuit.
        await Task.Delay(700, Token);
        using (var recovered = await client.Http.GetAsync(url, Token))
        using (var next = await client.Http.GetAsync(url, Token))
        {
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        Assert.Equal(5, _upstream.Requests("breaker"));
    }

    [Fact]
    public async Task Service_that_hangs_after_healthy_traffic_costs_only_a_few_calls_the_full_budget()
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["AttemptTimeout"] = "00:00:00.200",
            ["TotalTimeout"] = "00:00:00.250",
            ["MaxRetryAttempts"] = "0",
            ["BreakerMinimumThroughput"] = "10",
            ["BreakerFailureRatio"] = "0.5",
            ["BreakerSamplingDuration"] = "00:00:30",
            ["BreakerBreakDuration"] = "00:00:30",
            ["BreakerConsecutiveFailures"] = "5",
        });
        for (var i = 0; i < 100; i++)
        {
            using var healthy = await client.Http.GetAsync("fail/healthy?times=0", Token);
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        // 60 calls, 4 at a time, to a destination that now hangs: the 100 successes keep the ratio breaker closed.
        var timedOut = 0;
        var rejected = 0;
        for (var round = 0; round < 15; round++)
        {
            var calls = Enumerable.Range(0, 4).Select(async _ =>
            {
                try
                {
                    using (await client.Http.GetAsync("slow/hang?ms=5000", Token))
                    {
                    }
                }
                catch (TimeoutRejectedException)
                {
                    Interlocked.Increment(ref timedOut);
                }
                catch (BrokenCircuitException)
                {
                    Interlocked.Increment(ref rejected);
                }
            });
            await Task.WhenAll(calls);
        }

        // The run breaker's window (500 ms here) must first forget the successes: three rounds of four at most, not 15.
        Assert.InRange(timedOut, 5, 12);
        Assert.Equal(60 - timedOut, rejected);
        Assert.Equal(timedOut, _upstream.Requests("hang"));
    }

    [Fact]
    public async Task Circuit_is_per_destination()
    {
        await using var other = await FlakyUpstream.StartAsync();
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["MaxRetryAttempts"] = "0",
            ["BreakerMinimumThroughput"] = "2",
            ["BreakerBreakDuration"] = "00:00:30",
        });
        using (await client.Http.GetAsync("fail/down?times=100", Token))
        using (await client.Http.GetAsync("fail/down?times=100", Token))
        {
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.Http.GetAsync("fail/down?times=0", Token));
        using var elsewhere = await client.Http.GetAsync(new Uri(other.BaseAddress, "fail/up?times=0"), Token);

        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Attempt_timeout_cuts_a_slow_attempt_and_the_retry_succeeds()
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["AttemptTimeout"] = "00:00:00.300",
            ["TotalTimeout"] = "00:00:05",
            ["MaxRetryAttempts"] = "2",
        });
        var watch = Stopwatch.StartNew();

        using var response = await client.Http.GetAsync("slow/first?ms=3000&times=1", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _upstream.Requests("first"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Total_timeout_ends_the_retries()
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["AttemptTimeout"] = "00:00:00.300",
            ["TotalTimeout"] = "00:00:00.800",
            ["MaxRetryAttempts"] = "10",
        });
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.Http.GetAsync("slow/always?ms=3000", Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.InRange(_upstream.Requests("always"), 2, 3);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_turned_into_a_timeout()
    {
        await using var client = ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?> { ["AttemptTimeout"] = "00:00:05" });
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var call = client.Http.GetAsync("slow/cancel?ms=5000", cancellation.Token);
        for (var i = 0; i < 100 && _upstream.Requests("cancel") == 0; i++)
        {
            await Task.Delay(50, Token);
        }

        await cancellation.CancelAsync();
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(1, _upstream.Requests("cancel"));
        Assert.IsNotType<TimeoutRejectedException>(thrown.InnerException);
    }
}
