using Bff.Clients.Results;
using Bff.Contracts;
using Bff.Contracts.Orders;
using Bff.TestSupport.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Partner.Bff.Idempotency;
using Partner.Bff.Tests.Support;
using StackExchange.Redis;
using Order = Bff.Contracts.Orders.Order;

namespace Partner.Bff.Tests.Idempotency;

/// <summary>
/// The shared store against a real redis-server. Each store has its own connection, as two replicas would; every test
/// uses its own partner so they never share keys.
/// </summary>
public sealed class RedisIdempotencyStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncDisposable
{
    private static readonly PlacementOutcome Placed = new(new Order(10001, 4, "pending", DateTimeOffset.UnixEpoch, 10.5m, "EUR", [new OrderItem(3, 2, 5.25m)]), null);
    private readonly List<ConnectionMultiplexer> _connections = [];
    private readonly string _partner = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task The_same_key_on_two_replicas_places_once_and_both_answer_the_same()
    {
        var (first, second) = (await StoreAsync(), await StoreAsync());
        var placements = 0;

        var placed = await first.RunOnceAsync(_partner, "k", "f", () => Count(ref placements));
        var replayed = await second.RunOnceAsync(_partner, "k", "f", () => Count(ref placements));

        Assert.Equal(1, placements);
        Assert.False(placed.Replayed);
        Assert.True(replayed.Replayed);
        Assert.Equal(placed.Outcome!.Order!.Id, replayed.Outcome!.Order!.Id);
        Assert.Equal(placed.Outcome.Order.Items, replayed.Outcome.Order.Items);
        Assert.Equal(placed.Outcome.Order with { Items = [] }, replayed.Outcome.Order with { Items = [] });
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_on_every_replica()
    {
        var (first, second) = (await StoreAsync(), await StoreAsync());
        await first.RunOnceAsync(_partner, "k", "f1", () => Task.FromResult(Placed));

        Assert.True((await first.RunOnceAsync(_partner, "k", "f2", NeverPlace)).KeyReused);
        Assert.True((await second.RunOnceAsync(_partner, "k", "f2", NeverPlace)).KeyReused);
    }

    [Fact]
    public async Task A_repeat_while_the_first_is_in_flight_is_told_to_retry_and_places_nothing()
    {
        var (first, second) = (await StoreAsync(), await StoreAsync());
        var gate = new TaskCompletionSource<PlacementOutcome>();
        var claimed = new TaskCompletionSource();
        var running = first.RunOnceAsync(_partner, "k", "f", () =>
        {
            claimed.SetResult();
            return gate.Task;
        });
        await claimed.Task;

        var duplicate = await second.RunOnceAsync(_partner, "k", "f", NeverPlace);
        gate.SetResult(Placed);
        await running;
        var retry = await second.RunOnceAsync(_partner, "k", "f", NeverPlace);

        Assert.Equal(IdempotencyRefusal.InFlight, duplicate.Refusal);
        Assert.True(retry.Replayed);
    }

    [Fact]
    public async Task A_claim_of_a_replica_that_died_before_storing_expires_and_a_retry_places_once()
    {
        var (dying, survivor) = (await StoreAsync(TimeSpan.FromSeconds(1)), await StoreAsync(TimeSpan.FromSeconds(1)));
        var claimed = new TaskCompletionSource();
        _ = dying.RunOnceAsync(_partner, "k", "f", () =>
        {
            claimed.SetResult();
            return new TaskCompletionSource<PlacementOutcome>().Task; // never stores
        });
        await claimed.Task;
        var placements = 0;

        var blocked = await survivor.RunOnceAsync(_partner, "k", "f", NeverPlace);
        await Task.Delay(TimeSpan.FromMilliseconds(1200), TestContext.Current.CancellationToken);
        var retry = await survivor.RunOnceAsync(_partner, "k", "f", () => Count(ref placements));
        var again = await survivor.RunOnceAsync(_partner, "k", "f", () => Count(ref placements));

        Assert.Equal(IdempotencyRefusal.InFlight, blocked.Refusal);
        Assert.Equal(1, placements);
        Assert.False(retry.Replayed);
        Assert.True(again.Replayed);
    }

    [Fact]
    public async Task A_transient_failure_releases_the_key_for_the_next_attempt()
    {
        var store = await StoreAsync();
        var unavailable = new PlacementOutcome(null, new ServiceError(ServiceErrorKind.Timeout, "orders", "timeout"));
        await store.RunOnceAsync(_partner, "k", "f", () => Task.FromResult(unavailable));

        var retry = await store.RunOnceAsync(_partner, "k", "f", () => Task.FromResult(Placed));

        Assert.False(retry.Replayed);
        Assert.Equal(Placed.Order!.Id, retry.Outcome!.Order!.Id);
    }

    [Fact]
    public async Task A_refusal_by_the_orders_service_is_replayed_with_its_problem()
    {
        var store = await StoreAsync();
        var problem = new ApiProblem(null, "Invalid", 400, "unknown product", null, "invalid_body", new Dictionary<string, string[]> { ["items[0].productId"] = ["unknown"] });
        var rejected = new PlacementOutcome(null, new ServiceError(ServiceErrorKind.BadRequest, "orders", "unknown product", 400, problem));
        await store.RunOnceAsync(_partner, "k", "f", () => Task.FromResult(rejected));

        var replay = await store.RunOnceAsync(_partner, "k", "f", NeverPlace);

        Assert.True(replay.Replayed);
        Assert.Equal(ServiceErrorKind.BadRequest, replay.Outcome!.Error!.Kind);
        Assert.Equal(["unknown"], replay.Outcome.Error.Problem!.Errors!["items[0].productId"]);
    }

    [Fact]
    public async Task Keys_are_scoped_per_partner_and_the_oldest_go_beyond_the_bound()
    {
        var store = await StoreAsync(maxKeys: 3);
        var other = Guid.NewGuid().ToString("N");
        foreach (var key in new[] { "k1", "k2", "k3", "k4" })
        {
            await store.RunOnceAsync(_partner, key, "f", () => Task.FromResult(Placed));
        }

        Assert.False((await store.RunOnceAsync(other, "k4", "other", () => Task.FromResult(Placed))).KeyReused, "another partner's k4");
        Assert.False((await store.RunOnceAsync(_partner, "k1", "other", () => Task.FromResult(Placed))).KeyReused, "k1 was evicted as the oldest");
        Assert.True((await store.RunOnceAsync(_partner, "k4", "other", NeverPlace)).KeyReused);
    }

    [Fact]
    public async Task While_redis_is_down_nothing_is_placed_and_the_store_says_unavailable()
    {
        await using var own = await RedisServerProcess.StartAsync(TestContext.Current.CancellationToken);
        var store = await StoreAsync(server: own.Endpoint);
        await own.KillAsync();

        var lookup = await store.RunOnceAsync(_partner, "k", "f", NeverPlace);

        Assert.Equal(IdempotencyRefusal.StoreUnavailable, lookup.Refusal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private static Task<PlacementOutcome> NeverPlace() => throw new InvalidOperationException("must not place");

    private static Task<PlacementOutcome> Count(ref int placements)
    {
        Interlocked.Increment(ref placements);
        return Task.FromResult(Placed);
    }

    private async Task<RedisIdempotencyStore> StoreAsync(TimeSpan? inFlight = null, int maxKeys = 100, string? server = null)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { server ?? redis.Server.Endpoint },
            AbortOnConnectFail = false,
            BacklogPolicy = BacklogPolicy.FailFast,
            SyncTimeout = 1000,
            AsyncTimeout = 1000,
        });
        _connections.Add(connection);
        var options = new IdempotencyOptions { Retention = TimeSpan.FromHours(1), MaxKeysPerPartner = maxKeys, InFlightTimeout = inFlight ?? TimeSpan.FromSeconds(30) };
        return new RedisIdempotencyStore(connection, Options.Create(options), NullLogger<RedisIdempotencyStore>.Instance);
    }
}
