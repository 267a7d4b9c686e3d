namespace Bff.Redis;

/// <summary>The commands the suite uses, typed, over <see cref="IRedisClient.ExecuteAsync(RedisValue[], CancellationToken)"/>.</summary>
public static class RedisCommands
{
    /// <summary><c>PING</c>; returns the server's answer (<c>PONG</c>).</summary>
    public static async Task<string> PingAsync(this IRedisClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(["PING"], cancellationToken).ConfigureAwait(false);
        return reply.AsString() ?? string.Empty;
    }

    /// <summary><c>GET key</c> as bytes; null when the key does not exist.</summary>
    public static async Task<byte[]?> GetAsync(this IRedisClient client, RedisValue key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(["GET", key], cancellationToken).ConfigureAwait(false);
        return reply.AsBytes();
    }

    /// <summary><c>GET key</c> as UTF-8 text; null when the key does not exist.</summary>
    public static async Task<string?> GetStringAsync(this IRedisClient client, RedisValue key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(["GET", key], cancellationToken).ConfigureAwait(false);
        return reply.AsString();
    }

    /// <summary>
    /// <c>SET key value [PX ms] [NX]</c>; true when the value was set (false only when <paramref name="onlyIfNotExists"/>
    /// and the key existed).
    /// </summary>
    public static async Task<bool> SetAsync(
        this IRedisClient client,
        RedisValue key,
        RedisValue value,
        TimeSpan? expiry = null,
        bool onlyIfNotExists = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var command = new List<RedisValue>(6) { "SET", key, value };
        if (expiry is { } ttl)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromMilliseconds(1), nameof(expiry));
            command.Add("PX");
            command.Add((long)Math.Ceiling(ttl.TotalMilliseconds));
        }

        if (onlyIfNotExists)
        {
            command.Add("NX");
        }

        var reply = await client.ExecuteAsync([.. command], cancellationToken).ConfigureAwait(false);
        return !reply.IsNull;
    }

    /// <summary><c>DEL key...</c>; the number of keys removed.</summary>
    public static async Task<long> DeleteAsync(this IRedisClient client, RedisValue[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfZero(keys.Length);
        var reply = await client.ExecuteAsync(["DEL", .. keys], cancellationToken).ConfigureAwait(false);
        return reply.AsInt64();
    }

    /// <summary><c>INCR key</c> (or <c>INCRBY key by</c>); the new value.</summary>
    public static async Task<long> IncrementAsync(this IRedisClient client, RedisValue key, long by = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        RedisValue[] command = by == 1 ? ["INCR", key] : ["INCRBY", key, by];
        var reply = await client.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        return reply.AsInt64();
    }

    /// <summary><c>PEXPIRE key ms</c>; true when the key exists and got the expiry.</summary>
    public static async Task<bool> PExpireAsync(this IRedisClient client, RedisValue key, TimeSpan expiry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(["PEXPIRE", key, (long)Math.Ceiling(expiry.TotalMilliseconds)], cancellationToken).ConfigureAwait(false);
        return reply.AsInt64() == 1;
    }

    /// <summary><c>SCRIPT LOAD source</c>; the SHA1 the server names it by.</summary>
    public static async Task<string> ScriptLoadAsync(this IRedisClient client, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(["SCRIPT", "LOAD", source], cancellationToken).ConfigureAwait(false);
        return reply.AsString() ?? string.Empty;
    }

    /// <summary><c>EVAL source numkeys keys... args...</c>.</summary>
    public static Task<RedisReply> EvalAsync(
        this IRedisClient client,
        string source,
        RedisValue[] keys,
        RedisValue[] arguments,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ExecuteAsync(ScriptCommand("EVAL", source, keys, arguments), cancellationToken);
    }

    /// <summary><c>EVALSHA sha numkeys keys... args...</c> (no reload: see <see cref="EvaluateAsync"/>).</summary>
    public static Task<RedisReply> EvalShaAsync(
        this IRedisClient client,
        string sha1,
        RedisValue[] keys,
        RedisValue[] arguments,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ExecuteAsync(ScriptCommand("EVALSHA", sha1, keys, arguments), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="script"/> with <c>EVALSHA</c> (one round trip); when the server answers <c>NOSCRIPT</c>,
    /// loads it with <c>SCRIPT LOAD</c> and runs it again.
    /// </summary>
    public static async Task<RedisReply> EvaluateAsync(
        this IRedisClient client,
        RedisScript script,
        RedisValue[] keys,
        RedisValue[] arguments,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(script);
        var command = ScriptCommand("EVALSHA", script.Sha1, keys, arguments);
        try
        {
            return await client.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisServerException exception) when (exception.Prefix == "NOSCRIPT")
        {
            await client.ScriptLoadAsync(script.Source, cancellationToken).ConfigureAwait(false);
            return await client.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    private static RedisValue[] ScriptCommand(string verb, string script, RedisValue[] keys, RedisValue[] arguments)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(arguments);
        var command = new RedisValue[3 + keys.Length + arguments.Length];
        command[0] = verb;
        command[1] = script;
        command[2] = keys.Length;
        keys.CopyTo(command, 3);
        arguments.CopyTo(command, 3 + keys.Length);
        return command;
    }
}
