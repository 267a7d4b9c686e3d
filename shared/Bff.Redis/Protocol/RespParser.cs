using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Bff.Redis;

/// <summary>
/// Reads RESP2 replies straight from the connection's pooled receive buffers. A reply that has not fully arrived
/// yields <c>false</c> and the caller keeps the bytes for the next read; bytes that cannot be RESP2 throw
/// <see cref="RedisProtocolException"/> at once, so garbage never turns into a wait.
/// </summary>
internal static class RespParser
{
    /// <summary>Redis' own limit for a bulk string (proto-max-bulk-len).</summary>
    internal const long MaxBulkLength = 512L * 1024 * 1024;

    /// <summary>A header line (type byte, length or integer) is short; a long run of bytes without CRLF is not RESP.</summary>
    internal const int MaxLineLength = 64 * 1024;

    private const int MaxArrayLength = 16 * 1024 * 1024;
    private const int MaxDepth = 64;

    private static readonly byte[] Ok = "OK"u8.ToArray();
    private static readonly byte[] Pong = "PONG"u8.ToArray();
    private static readonly byte[] Queued = "QUEUED"u8.ToArray();

    /// <summary>Reads one complete reply, or returns false (position unspecified) when more bytes are needed.</summary>
    public static bool TryRead(ref SequenceReader<byte> reader, out RedisReply reply) => TryRead(ref reader, out reply, 0);

    private static bool TryRead(ref SequenceReader<byte> reader, out RedisReply reply, int depth)
    {
        reply = default;
        if (!reader.TryRead(out var prefix))
        {
            return false;
        }

        switch (prefix)
        {
            case (byte)'+':
                if (!TryReadLine(ref reader, out var simple))
                {
                    return false;
                }

                reply = RedisReply.Simple(Intern(simple));
                return true;
            case (byte)'-':
                if (!TryReadLine(ref reader, out var error))
                {
                    return false;
                }

                reply = RedisReply.Error(Encoding.UTF8.GetString(error));
                return true;
            case (byte)':':
                if (!TryReadLine(ref reader, out var digits))
                {
                    return false;
                }

                reply = RedisReply.Integer(ParseInteger(digits, "integer"));
                return true;
            case (byte)'$':
                return TryReadBulk(ref reader, out reply);
            case (byte)'*':
                return TryReadArray(ref reader, out reply, depth);
            default:
                throw new RedisProtocolException(
                    $"Protocol error: unexpected RESP type byte 0x{prefix:X2} ('{(prefix is >= 0x20 and < 0x7F ? (char)prefix : '?')}') where a reply should start.");
        }
    }

    private static bool TryReadBulk(ref SequenceReader<byte> reader, out RedisReply reply)
    {
        reply = default;
        if (!TryReadLine(ref reader, out var header))
        {
            return false;
        }

        var length = ParseInteger(header, "bulk string length");
        if (length == -1)
        {
            reply = RedisReply.Bulk(null);
            return true;
        }

        if (length is < 0 or > MaxBulkLength)
        {
            throw new RedisProtocolException($"Protocol error: bulk string length {length} is out of range.");
        }

        if (reader.Remaining < length + 2)
        {
            return false;
        }

        var bytes = length == 0 ? [] : new byte[length];
        reader.TryCopyTo(bytes);
        reader.Advance(length);
        if (!reader.IsNext("\r\n"u8, advancePast: true))
        {
            throw new RedisProtocolException("Protocol error: a bulk string is not followed by CRLF.");
        }

        reply = RedisReply.Bulk(bytes);
        return true;
    }

    private static bool TryReadArray(ref SequenceReader<byte> reader, out RedisReply reply, int depth)
    {
        reply = default;
        if (!TryReadLine(ref reader, out var header))
        {
            return false;
        }

        var length = ParseInteger(header, "array length");
        if (length == -1)
        {
            reply = RedisReply.Array(null);
            return true;
        }

        if (length is < 0 or > MaxArrayLength)
        {
            throw new RedisProtocolException($"Protocol error: array length {length} is out of range.");
        }

        if (depth >= MaxDepth)
        {
            throw new RedisProtocolException($"Protocol error: arrays nested deeper than {MaxDepth} levels.");
        }

        // Each element takes at least 3 bytes (":0\r\n" is 4), so a header promising more than can have arrived waits
        // for data instead of allocating a huge array for a reply that is still incomplete.
        if (reader.Remaining < length * 3)
        {
            return false;
        }

        var items = length == 0 ? [] : new RedisReply[length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!TryRead(ref reader, out items[i], depth + 1))
            {
                return false;
            }
        }

        reply = RedisReply.Array(items);
        return true;
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line)
    {
        if (reader.TryReadTo(out line, "\r\n"u8, advancePastDelimiter: true))
        {
            if (line.Length > MaxLineLength)
            {
                throw new RedisProtocolException($"Protocol error: a reply line is longer than {MaxLineLength} bytes.");
            }

            return true;
        }

        if (reader.Remaining > MaxLineLength)
        {
            throw new RedisProtocolException($"Protocol error: no CRLF within {MaxLineLength} bytes.");
        }

        return false;
    }

    private static long ParseInteger(ReadOnlySequence<byte> line, string what)
    {
        Span<byte> scratch = stackalloc byte[24];
        if (line.Length is > 0 and <= 24)
        {
            line.CopyTo(scratch);
            var digits = scratch[..(int)line.Length];
            if (Utf8Parser.TryParse(digits, out long value, out var consumed) && consumed == digits.Length)
            {
                return value;
            }
        }

        var shown = Encoding.ASCII.GetString(line.Length > 24 ? line.Slice(0, 24) : line);
        throw new RedisProtocolException($"Protocol error: '{shown}' is not a valid {what}.");
    }

    private static byte[] Intern(ReadOnlySequence<byte> line)
    {
        if (line.IsSingleSegment)
        {
            var span = line.FirstSpan;
            if (span.SequenceEqual(Ok))
            {
                return Ok;
            }

            if (span.SequenceEqual(Pong))
            {
                return Pong;
            }

            if (span.SequenceEqual(Queued))
            {
                return Queued;
            }
        }

        return line.ToArray();
    }
}
