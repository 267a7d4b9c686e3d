using Bff.Redis;

namespace Bff.RateLimiting;

/// <summary>
/// GCRA shared by every gateway through Redis: one <c>EVALSHA</c> per check (<see cref="GcraScript"/>), the key
/// <c>&lt;prefix&gt;&lt;policy&gt;:&lt;partition&gt;</c> expiring when its quota is fully restored. Redis trouble surfaces as
/// <see cref="RedisException"/>; deciding what to do then is <see cref="SuiteRateLimiter"/>'s job.
/// </summary>
internal sealed class RedisRateLimiter : IRateLimiterBackend
{
    private readonly IRedisClient _client;
    private readonly string _keyPrefix;
    private readonly TimeProvider? _callerClock;

    /// <param name="client">The Redis connection.</param>
    /// <param name="keyPrefix">Prepended to every key (e.g. <c>bff:rl:</c>).</param>
    /// <param name="callerClock">Null (production): Redis server time. Set only by tests that replay a sequence.</param>
    public RedisRateLimiter(IRedisClient client, string keyPrefix, TimeProvider? callerClock = null)
    {
        _client = client;
        _keyPrefix = keyPrefix;
        _callerClock = callerClock;
    }

    public async ValueTask<RateLimitDecision> CheckAsync(string key, RateLimitPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var redisKey = string.Concat(_keyPrefix, policy.Name, ":", PartitionKeys.Normalize(key));
        var now = _callerClock is null ? -1 : (_callerClock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        var reply = await _client.EvaluateAsync(
            GcraScript.Script,
            [redisKey],
            [policy.EmissionIntervalMicroseconds, policy.ToleranceMicroseconds, 1, now],
            cancellationToken).ConfigureAwait(false);
        if (reply.Count != 4)
        {
            throw new RedisProtocolException($"The rate limit script returned {reply} instead of four integers.");
        }

        var result = new GcraResult(reply[0].AsInt64() == 1, reply[1].AsInt64(), reply[2].AsInt64(), reply[3].AsInt64(), 0);
        return result.ToDecision(policy, RateLimitSource.Redis);
    }
}
