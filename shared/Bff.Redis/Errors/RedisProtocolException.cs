namespace Bff.Redis;

/// <summary>The server sent bytes that are not valid RESP2; the connection is closed and every pending command fails with this.</summary>
public sealed class RedisProtocolException : RedisConnectionException
{
    /// <summary>Creates the exception with no message.</summary>
    public RedisProtocolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RedisProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RedisProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
