using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Bff.RateLimiting;

/// <summary>
/// The <see cref="IRateLimiterBackend"/> the suite registers. With the local backend it is the in-process limiter.
/// With Redis it checks there, and when Redis fails (connection, timeout, protocol) it opens a circuit: for the next
/// <c>RedisProbeInterval</c> no check touches Redis, then one check at a time probes it, and the first success
/// closes the circuit. While open, checks fail open (the in-process limiter decides: every gateway still limits,
/// each on its own) or closed (503 with <c>Retry-After</c>). Every decision, switch and recovery is counted and logged.
/// </summary>
internal sealed class SuiteRateLimiter : IRateLimiterBackend, IAsyncDisposable, IDisposable
{
    private readonly LocalRateLimiter _local;
    private readonly IRateLimiterBackend? _redis;
    private readonly IAsyncDisposable? _ownedRedisConnection;
    private readonly string _redisEndpoint;
    private readonly RedisFailureMode _failureMode;
    private readonly TimeSpan _probeInterval;
    private readonly RateLimitingMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private int _open;
    private int _probing;
    private long _openedAt;
    private long _nextProbe;

    public SuiteRateLimiter(
        LocalRateLimiter local,
        IRateLimiterBackend? redis,
        IAsyncDisposable? ownedRedisConnection,
        string redisEndpoint,
        RedisFailureMode failureMode,
        TimeSpan probeInterval,
        IMeterFactory? meterFactory,
        ILogger logger,
        TimeProvider timeProvider)
    {
        _local = local;
        _redis = redis;
        _ownedRedisConnection = ownedRedisConnection;
        _redisEndpoint = redisEndpoint;
        _failureMode = failureMode;
        _probeInterval = probeInterval;
        _logger = logger;
        _timeProvider = timeProvider;
        _metrics = new RateLimitingMetrics(meterFactory, () => _redis is not null && Volatile.Read(ref _open) == 0 ? 1 : 0);
    }

    /// <summary>True while Redis is bypassed.</summary>
    public bool IsCircuitOpen => Volatile.Read(ref _open) == 1;

    public ValueTask<RateLimitDecision> CheckAsync(string key, RateLimitPolicy policy, CancellationToken cancellationToken = default)
    {
        if (_redis is null)
        {
            return new(Record(_local.Check(key, policy, RateLimitSource.Local)));
        }

        if (Volatile.Read(ref _open) == 0)
        {
            return CheckRedisAsync(key, policy, probe: false, cancellationToken);
        }

        if (_timeProvider.GetTimestamp() >= Volatile.Read(ref _nextProbe) && Interlocked.CompareExchange(ref _probing, 1, 0) == 0)
        {
            return CheckRedisAsync(key, policy, probe: true, cancellationToken);
        }

        return new(Fallback(key, policy));
    }

    // The in-process limiter belongs to the container; the Redis connection was made for this instance.
    public async ValueTask DisposeAsync()
    {
        _metrics.Dispose();
        if (_ownedRedisConnection is not null)
        {
            await _ownedRedisConnection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async ValueTask<RateLimitDecision> CheckRedisAsync(string key, RateLimitPolicy policy, bool probe, CancellationToken cancellationToken)
    {
        try
        {
            var decision = await _redis!.CheckAsync(key, policy, cancellationToken).ConfigureAwait(false);
            if (probe)
            {
                CloseCircuit();
            }

            return Record(decision);
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            OpenCircuit(exception, probe);
            return Fallback(key, policy);
        }
        finally
        {
            if (probe)
            {
                Volatile.Write(ref _probing, 0);
            }
        }
    }

    private RateLimitDecision Fallback(string key, RateLimitPolicy policy)
    {
        _metrics.Fallback(_failureMode);
        if (_failureMode == RedisFailureMode.Open)
        {
            return Record(_local.Check(key, policy, RateLimitSource.LocalFallback));
        }

        var untilProbe = _timeProvider.GetElapsedTime(_timeProvider.GetTimestamp(), Volatile.Read(ref _nextProbe));
        var retryAfter = untilProbe > TimeSpan.FromSeconds(1) ? untilProbe : TimeSpan.FromSeconds(1);
        return Record(new RateLimitDecision
        {
            IsAllowed = false,
            Policy = policy,
            Remaining = 0,
            ResetAfter = retryAfter,
            RetryAfter = retryAfter,
            Source = RateLimitSource.FailClosed,
        });
    }

    private void OpenCircuit(Exception reason, bool probe)
    {
        var now = _timeProvider.GetTimestamp();
        var nextProbe = now + (long)(_probeInterval.TotalSeconds * _timeProvider.TimestampFrequency);
        if (probe)
        {
            Volatile.Write(ref _nextProbe, nextProbe);
            Log.ProbeFailed(_logger, _redisEndpoint, reason.Message);
            return;
        }

        if (Interlocked.CompareExchange(ref _open, 1, 0) != 0)
        {
            return;
        }

        Volatile.Write(ref _openedAt, now);
        Volatile.Write(ref _nextProbe, nextProbe);
        _metrics.CircuitOpened();
        var (mode, fallback) = _failureMode == RedisFailureMode.Open
            ? ("open", "per-instance local limits")
            : ("closed", "denying with 503");
        Log.RedisUnavailable(_logger, _redisEndpoint, mode, fallback, _probeInterval.TotalSeconds, reason.Message);
    }

    private void CloseCircuit()
    {
        if (Interlocked.CompareExchange(ref _open, 0, 1) != 1)
        {
            return;
        }

        _metrics.CircuitClosed();
        Log.RedisRecovered(_logger, _redisEndpoint, _timeProvider.GetElapsedTime(Volatile.Read(ref _openedAt)).TotalSeconds);
    }

    private RateLimitDecision Record(RateLimitDecision decision)
    {
        _metrics.Decision(decision);
        return decision;
    }
}
