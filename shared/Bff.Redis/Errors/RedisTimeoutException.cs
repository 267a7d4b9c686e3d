namespace Bff.Redis;

/// <summary>No reply came within the command timeout; the connection stays open and the late reply is discarded.</summary>
public sealed class RedisTimeoutException : RedisException
{
    /// <summary>Creates the exception with no message.</summary>
    public RedisTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RedisTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RedisTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
