using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Bff.Redis;

/// <summary>
/// One argument of a command: a UTF-8 string, raw bytes or an integer, written as a RESP bulk string.
/// A struct so that building a command allocates only its argument array.
/// </summary>
public readonly struct RedisValue : IEquatable<RedisValue>
{
    private readonly object? _reference;
    private readonly long _integer;

    private RedisValue(object? reference, long integer)
    {
        _reference = reference;
        _integer = integer;
    }

    /// <summary>The number of bytes the value takes on the wire (without the RESP framing).</summary>
    public int ByteCount => _reference switch
    {
        string text => Encoding.UTF8.GetByteCount(text),
        byte[] bytes => bytes.Length,
        _ => CountDigits(_integer),
    };

    public static implicit operator RedisValue(string value) => new(value ?? throw new ArgumentNullException(nameof(value)), 0);

    public static implicit operator RedisValue(byte[] value) => new(value ?? throw new ArgumentNullException(nameof(value)), 0);

    public static implicit operator RedisValue(long value) => new(null, value);

    public static bool operator ==(RedisValue left, RedisValue right) => left.Equals(right);

    public static bool operator !=(RedisValue left, RedisValue right) => !left.Equals(right);

    /// <summary>Makes a value from a string.</summary>
    public static RedisValue FromString(string value) => value;

    /// <summary>Makes a value from raw bytes (not copied: do not change them until the command completes).</summary>
    public static RedisValue FromBytes(byte[] value) => value;

    /// <summary>Makes a value from an integer.</summary>
    public static RedisValue FromInt64(long value) => value;

    /// <summary>Writes the value's bytes into <paramref name="destination"/>, which holds at least <see cref="ByteCount"/> bytes.</summary>
    public int CopyTo(Span<byte> destination)
    {
        switch (_reference)
        {
            case string text:
                return Encoding.UTF8.GetBytes(text, destination);
            case byte[] bytes:
                bytes.CopyTo(destination);
                return bytes.Length;
            default:
                Utf8Formatter.TryFormat(_integer, destination, out var written);
                return written;
        }
    }

    /// <inheritdoc />
    public bool Equals(RedisValue other) => _reference switch
    {
        string text => other._reference is string otherText && text == otherText,
        byte[] bytes => other._reference is byte[] otherBytes && bytes.AsSpan().SequenceEqual(otherBytes),
        _ => other._reference is null && _integer == other._integer,
    };

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RedisValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _reference?.GetHashCode() ?? _integer.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => _reference switch
    {
        string text => text,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        _ => _integer.ToString(CultureInfo.InvariantCulture),
    };

    private static int CountDigits(long value)
    {
        Span<byte> scratch = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, scratch, out var written);
        return written;
    }
}
