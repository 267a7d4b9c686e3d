using StackExchange.Redis;

namespace Bff.RateLimiting;

/// <summary>
/// GCRA shared by every gateway through Redis: one <c>EVALSHA</c> per check (<see cref="GcraScript"/>), the key
/// <c>&lt;prefix&gt;&lt;policy&gt;:&lt;partition&gt;</c> expiring when its quota is fully restored. Redis trouble surfaces as
/// an exception <see cref="RedisConnection.IsFailure"/> recognises; deciding what to do then is <see cref="SuiteRateLimiter"/>'s job.
/// </summary>
internal sealed class RedisRateLimiter : IRateLimiterBackend
{
    private readonly RedisConnection _connection;
    private readonly string _keyPrefix;
    private readonly TimeProvider? _callerClock;

    /// <param name="connection">The limiter's own Redis connection.</param>
    /// <param name="keyPrefix">Prepended to every key (e.g. <c>bff:rl:</c>).</param>
    /// <param name="callerClock">Null (production): Redis server time. Set only by tests that replay a sequence.</param>
    public RedisRateLimiter(RedisConnection connection, string keyPrefix, TimeProvider? callerClock = null)
    {
        _connection = connection;
        _keyPrefix = keyPrefix;
        _callerClock = callerClock;
    }

    public async ValueTask<RateLimitDecision> CheckAsync(string key, RateLimitPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RedisKey[] keys = [string.Concat(_keyPrefix, policy.Name, ":", PartitionKeys.Normalize(key))];
        var now = _callerClock is null ? -1 : (_callerClock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        RedisValue[] arguments = [policy.EmissionIntervalMicroseconds, policy.ToleranceMicroseconds, 1, now];
        var reply = await _connection.ExecuteAsync(database => database.ScriptEvaluateAsync(GcraScript.Source, keys, arguments), cancellationToken)
            .ConfigureAwait(false);
        if (reply.Length != 4)
        {
            throw new RedisException($"The rate limit script returned {reply} instead of four integers.");
        }

        var result = new GcraResult((long)reply[0] == 1, (long)reply[1], (long)reply[2], (long)reply[3], 0);
        return result.ToDecision(policy, RateLimitSource.Redis);
    }
}
