namespace Bff.Redis;

/// <summary>The server could not be reached, or the connection broke before the reply came; the command may or may not have run.</summary>
public class RedisConnectionException : RedisException
{
    /// <summary>Creates the exception with no message.</summary>
    public RedisConnectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RedisConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RedisConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
