namespace Partner.Bff.Idempotency;

/// <summary>
/// The Lua scripts of <see cref="RedisIdempotencyStore"/>. A key is one hash (<c>fp</c> fingerprint, <c>claim</c> token
/// of the replica placing it, <c>outcome</c> once known); each partner's keys are also in a sorted set by age, so the
/// oldest beyond the bound go first. Both share the partner's hash tag, so a script touches one cluster slot.
/// </summary>
internal static class IdempotencyScripts
{
    /// <summary>
    /// KEYS: entry, index. ARGV: fingerprint, claim token, in-flight ms, retention ms, max keys.
    /// Returns nil when this call claimed the key, else <c>[fingerprint, outcome or false]</c>.
    /// </summary>
    public const string Claim = """
        local existing = redis.call('HMGET', KEYS[1], 'fp', 'outcome')
        if existing[1] then return existing end
        redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'claim', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[4]))
        redis.call('ZADD', KEYS[2], now, KEYS[1])
        local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[5])
        if over > 0 then
          for _, old in ipairs(redis.call('ZRANGE', KEYS[2], 0, over - 1)) do redis.call('DEL', old) end
          redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
        end
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return nil
        """;

    /// <summary>
    /// KEYS: entry. ARGV: claim token, fingerprint, outcome, retention ms. Stores the outcome unless another replica
    /// claimed the key meanwhile (this one's claim expired); returns 1 when stored.
    /// </summary>
    public const string Complete = """
        local claim = redis.call('HGET', KEYS[1], 'claim')
        if claim and claim ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'fp', ARGV[2], 'outcome', ARGV[3], 'claim', '')
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    /// <summary>KEYS: entry. ARGV: claim token. Drops the key if this replica still holds the claim (a transient failure).</summary>
    public const string Release = """
        if redis.call('HGET', KEYS[1], 'claim') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;
}
