using System.Buffers.Text;
using System.Text;

namespace Bff.Redis;

/// <summary>
/// One RESP2 reply. A struct: integers, simple strings and nulls cost no allocation; bulk strings own a byte array
/// and arrays an array of replies.
/// </summary>
public readonly struct RedisReply
{
    private readonly object? _reference;
    private readonly long _integer;

    private RedisReply(RedisReplyKind kind, object? reference, long integer)
    {
        Kind = kind;
        _reference = reference;
        _integer = integer;
    }

    /// <summary>The reply's type.</summary>
    public RedisReplyKind Kind { get; }

    /// <summary>True for the null bulk string (<c>$-1</c>) and the null array (<c>*-1</c>).</summary>
    public bool IsNull => _reference is null && Kind is RedisReplyKind.BulkString or RedisReplyKind.Array;

    /// <summary>The number of elements of an array reply (0 for a null array).</summary>
    public int Count => Kind == RedisReplyKind.Array && _reference is RedisReply[] items ? items.Length : 0;

    /// <summary>An element of an array reply.</summary>
    public RedisReply this[int index] => Kind == RedisReplyKind.Array && _reference is RedisReply[] items
        ? items[index]
        : throw new InvalidOperationException($"A {Kind} reply has no elements.");

    internal static RedisReply Integer(long value) => new(RedisReplyKind.Integer, null, value);

    internal static RedisReply Simple(byte[] value) => new(RedisReplyKind.SimpleString, value, 0);

    internal static RedisReply Error(string message) => new(RedisReplyKind.Error, message, 0);

    internal static RedisReply Bulk(byte[]? value) => new(RedisReplyKind.BulkString, value, 0);

    internal static RedisReply Array(RedisReply[]? items) => new(RedisReplyKind.Array, items, 0);

    /// <summary>The integer of an integer reply, or a bulk/simple string that holds one (as EVAL results often do).</summary>
    public long AsInt64()
    {
        if (Kind == RedisReplyKind.Integer)
        {
            return _integer;
        }

        if (_reference is byte[] bytes && Utf8Parser.TryParse(bytes, out long value, out var consumed) && consumed == bytes.Length)
        {
            return value;
        }

        throw new InvalidOperationException($"A {Kind} reply is not an integer.");
    }

    /// <summary>The text of a string or error reply (UTF-8), the digits of an integer, or null for a null reply.</summary>
    public string? AsString() => _reference switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string error => error,
        null when Kind == RedisReplyKind.Integer => _integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        null => null,
        _ => throw new InvalidOperationException("An array reply is not a string."),
    };

    /// <summary>The bytes of a bulk or simple string reply, or null for a null bulk string.</summary>
    public byte[]? AsBytes() => _reference switch
    {
        byte[] bytes => bytes,
        null when Kind == RedisReplyKind.BulkString => null,
        _ => throw new InvalidOperationException($"A {Kind} reply has no bytes."),
    };

    /// <summary>The elements of an array reply, or null for a null array.</summary>
    public IReadOnlyList<RedisReply>? AsArray() => Kind == RedisReplyKind.Array
        ? _reference as RedisReply[]
        : throw new InvalidOperationException($"A {Kind} reply is not an array.");

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        RedisReplyKind.Array when _reference is RedisReply[] items => $"[{string.Join(", ", items)}]",
        _ when IsNull => "(nil)",
        _ => AsString() ?? string.Empty,
    };
}
