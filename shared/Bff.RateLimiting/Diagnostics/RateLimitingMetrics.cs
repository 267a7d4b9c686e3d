using System.Diagnostics.Metrics;

namespace Bff.RateLimiting;

/// <summary>
/// The <c>Bff.RateLimiting</c> meter: decisions by result and backend, checks served without Redis, circuit
/// transitions, and whether Redis is in use right now.
/// </summary>
internal sealed class RateLimitingMetrics : IDisposable
{
    public const string MeterName = "Bff.RateLimiting";

    private readonly Meter _meter;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _circuitTransitions;

    public RateLimitingMetrics(IMeterFactory? meterFactory, Func<int> redisAvailable)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _decisions = _meter.CreateCounter<long>(
            "bff.rate_limit.decisions", "{decision}", "Rate limit decisions, by result (allowed, denied) and backend (local, redis, fallback, fail_closed).");
        _fallbacks = _meter.CreateCounter<long>(
            "bff.rate_limit.redis.fallbacks", "{decision}", "Checks decided without Redis because it was unavailable, by failure mode (open, closed).");
        _circuitTransitions = _meter.CreateCounter<long>(
            "bff.rate_limit.redis.circuit_transitions", "{transition}", "Switches away from Redis (state=open) and back to it (state=closed).");
        _meter.CreateObservableGauge(
            "bff.rate_limit.redis.available", redisAvailable, "1", "1 while rate limits are shared through Redis, 0 while the circuit is open (always 0 for the local backend).");
    }

    public void Decision(in RateLimitDecision decision)
    {
        var backend = decision.Source switch
        {
            RateLimitSource.Local => "local",
            RateLimitSource.Redis => "redis",
            RateLimitSource.LocalFallback => "fallback",
            _ => "fail_closed",
        };
        _decisions.Add(
            1,
            new KeyValuePair<string, object?>("result", decision.IsAllowed ? "allowed" : "denied"),
            new KeyValuePair<string, object?>("backend", backend),
            new KeyValuePair<string, object?>("policy", decision.Policy.Name));
    }

    public void Fallback(RedisFailureMode mode) =>
        _fallbacks.Add(1, new KeyValuePair<string, object?>("mode", mode == RedisFailureMode.Open ? "open" : "closed"));

    public void CircuitOpened() => _circuitTransitions.Add(1, new KeyValuePair<string, object?>("state", "open"));

    public void CircuitClosed() => _circuitTransitions.Add(1, new KeyValuePair<string, object?>("state", "closed"));

    public void Dispose() => _meter.Dispose();
}
