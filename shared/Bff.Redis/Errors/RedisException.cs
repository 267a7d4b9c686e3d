namespace Bff.Redis;

/// <summary>Base of every error the Redis client throws, so callers can treat Redis trouble as one case.</summary>
public class RedisException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public RedisException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RedisException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RedisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
