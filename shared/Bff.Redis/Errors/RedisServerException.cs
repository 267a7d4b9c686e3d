namespace Bff.Redis;

/// <summary>The server answered with an error reply (<c>-ERR ...</c>, <c>-NOSCRIPT ...</c>); the connection is fine.</summary>
public sealed class RedisServerException : RedisException
{
    /// <summary>Creates the exception with no message.</summary>
    public RedisServerException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RedisServerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RedisServerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The error's first word, by which Redis says what kind it is (<c>ERR</c>, <c>NOSCRIPT</c>, <c>WRONGTYPE</c>...).</summary>
    public string Prefix
    {
        get
        {
            var space = Message.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? Message : Message[..space];
        }
    }
}
