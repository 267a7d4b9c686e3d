namespace Bff.RateLimiting;

/// <summary>
/// The whole check as one Lua script, so a check is one <c>EVALSHA</c> round trip and atomic across every gateway
/// (StackExchange.Redis loads the script once per connection and sends its SHA1 after that; a server that lost it, on a
/// restart or <c>SCRIPT FLUSH</c>, answers <c>NOSCRIPT</c> and gets it again).
/// Same arithmetic as <see cref="Gcra.Evaluate"/>, in whole microseconds.
/// <para>
/// Clock: Redis' own <c>TIME</c>. Every gateway instance then measures against one clock, so a skewed or
/// stepped gateway clock can neither hand out extra permits nor lock a key out; the script stays safe to
/// replicate because Redis 5+ replicates its effects (the <c>SET</c>), not the script. A caller clock is accepted
/// only when ARGV[4] is not negative (tests that replay a sequence with a fake clock).
/// </para>
/// KEYS[1] = the partition's key; ARGV = interval µs, tolerance µs, cost, now µs (or -1 for server time).
/// Returns { allowed (1/0), remaining, reset-after µs, retry-after µs }.
/// </summary>
internal static class GcraScript
{
    public const string Source = """
        local interval = tonumber(ARGV[1])
        local tolerance = tonumber(ARGV[2])
        local cost = tonumber(ARGV[3])
        local now = tonumber(ARGV[4])
        if now < 0 then
          local time = redis.call('TIME')
          now = tonumber(time[1]) * 1000000 + tonumber(time[2])
        end
        local stored = tonumber(redis.call('GET', KEYS[1]))
        local tat = now
        if stored and stored > now then
          tat = stored
        end
        local newTat = tat + interval * cost
        local allowAt = newTat - tolerance
        if allowAt > now then
          return { 0, 0, tat - now, allowAt - now }
        end
        local resetAfter = newTat - now
        redis.call('SET', KEYS[1], string.format('%d', newTat), 'PX', math.ceil(resetAfter / 1000))
        return { 1, math.floor((tolerance - resetAfter) / interval), resetAfter, 0 }
        """;
}
