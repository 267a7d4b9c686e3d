using Bff.Clients.Results;
using Bff.Contracts.Orders;
using Bff.TestSupport.Time;
using Microsoft.Extensions.Options;
using Partner.Bff.Idempotency;

namespace Partner.Bff.Tests.Idempotency;

public sealed class MemoryIdempotencyStoreTests
{
    private static readonly PlacementOutcome Placed = new(new Order(10001, 4, "pending", DateTimeOffset.UnixEpoch, 10m, "EUR", []), null);
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task Concurrent_repeats_place_once_and_all_get_the_first_result()
    {
        var store = Store();
        var placements = 0;
        var gate = new TaskCompletionSource();
        async Task<PlacementOutcome> Place()
        {
            Interlocked.Increment(ref placements);
            await gate.Task;
            return Placed;
        }

        var calls = Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.RunOnceAsync("p", "k", "f", Place), TestContext.Current.CancellationToken)).ToList();
        await Task.Delay(100, TestContext.Current.CancellationToken);
        gate.SetResult();
        var lookups = await Task.WhenAll(calls);

        Assert.Equal(1, placements);
        Assert.All(lookups, l => Assert.Same(Placed, l.Outcome));
        Assert.Single(lookups, l => !l.Replayed);
    }

    [Fact]
    public async Task Same_key_with_another_request_is_reported_and_not_placed()
    {
        var store = Store();
        await store.RunOnceAsync("p", "k", "f1", () => Task.FromResult(Placed));

        var lookup = await store.RunOnceAsync("p", "k", "f2", () => throw new InvalidOperationException("must not place"));

        Assert.True(lookup.KeyReused);
    }

    [Fact]
    public async Task Keys_are_scoped_per_partner()
    {
        var store = Store();
        var placements = 0;
        Task<PlacementOutcome> Place()
        {
            placements++;
            return Task.FromResult(Placed);
        }

        await store.RunOnceAsync("a", "k", "f", Place);
        await store.RunOnceAsync("b", "k", "f", Place);

        Assert.Equal(2, placements);
    }

    [Fact]
    public async Task Keys_expire_after_the_retention_and_the_oldest_go_beyond_the_bound()
    {
        var store = Store(TimeSpan.FromMinutes(10), maxKeys: 3);
        foreach (var key in new[] { "k1", "k2", "k3", "k4" })
        {
            await store.RunOnceAsync("p", key, "f", () => Task.FromResult(Placed));
        }

        Assert.Equal(3, store.Count("p"));
        Assert.False((await store.RunOnceAsync("p", "k1", "other", () => Task.FromResult(Placed))).KeyReused, "k1 was evicted as the oldest");

        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.False((await store.RunOnceAsync("p", "k4", "other", () => Task.FromResult(Placed))).KeyReused, "k4 expired");
    }

    [Fact]
    public async Task A_transient_failure_is_not_remembered()
    {
        var store = Store();
        var unavailable = new PlacementOutcome(null, new ServiceError(ServiceErrorKind.Timeout, "orders", "timeout"));
        await store.RunOnceAsync("p", "k", "f", () => Task.FromResult(unavailable));

        var retry = await store.RunOnceAsync("p", "k", "f", () => Task.FromResult(Placed));

        Assert.False(retry.Replayed);
        Assert.Same(Placed, retry.Outcome);
    }

    private MemoryIdempotencyStore Store(TimeSpan? retention = null, int maxKeys = 100) =>
        new(Options.Create(new IdempotencyOptions { Retention = retention ?? TimeSpan.FromHours(1), MaxKeysPerPartner = maxKeys }), _time);
}
