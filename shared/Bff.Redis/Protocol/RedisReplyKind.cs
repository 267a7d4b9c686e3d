namespace Bff.Redis;

/// <summary>The RESP2 reply types.</summary>
public enum RedisReplyKind
{
    /// <summary><c>+OK</c></summary>
    SimpleString,

    /// <summary><c>-ERR ...</c> (only seen inside arrays: a top-level error is thrown as <see cref="RedisServerException"/>).</summary>
    Error,

    /// <summary><c>:42</c></summary>
    Integer,

    /// <summary><c>$3 foo</c>, or <c>$-1</c> for null.</summary>
    BulkString,

    /// <summary><c>*2 ...</c>, or <c>*-1</c> for null.</summary>
    Array,
}
