using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Bff.Edge.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Upstream;

/// <summary>
/// Parses an upstream's response head (RFC 9112 §4, §5) straight from the receive buffer. Strict where leniency
/// would let two parties read one message differently: CRLF only, no obs-fold, no space before the colon, one
/// Content-Length value, no transfer coding but chunked. Anything else is a protocol error (502).
/// </summary>
internal static class Http1ResponseParser
{
    /// <summary>The largest response head accepted, like nginx's proxy_buffer_size but roomier.</summary>
    public const int MaxHeadSize = 64 * 1024;

    private const int MaxConnectionFields = 8;

    private static readonly SearchValues<byte> TokenBytes = SearchValues.Create(
        "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private static readonly SearchValues<byte> ForbiddenInValue = SearchValues.Create("\r\n\0"u8);

    /// <summary>The length of the head at the start of <paramref name="buffered"/> (through its empty line), or -1 while incomplete.</summary>
    public static int FindHeadEnd(ReadOnlySpan<byte> buffered)
    {
        var end = buffered.IndexOf("\r\n\r\n"u8);
        return end < 0 ? -1 : end + 4;
    }

    /// <summary>
    /// Parses a complete head. When <paramref name="target"/> is given (a final answer) its fields are added there,
    /// minus hop-by-hop ones, those the upstream's Connection names, and Content-Length (the caller sets the number).
    /// </summary>
    public static Http1ResponseHead Parse(ReadOnlySpan<byte> head, bool headRequest, IHeaderDictionary? target)
    {
        var statusLineEnd = head.IndexOf("\r\n"u8);
        var (minor, status) = ParseStatusLine(head[..statusLineEnd]);
        var fields = head[(statusLineEnd + 2)..^2]; // every field line keeps its CRLF; the empty line is cut off

        long contentLength = -1;
        var transferEncoding = false;
        var close = false;
        var keepAlive = false;
        Span<Range> connectionValues = stackalloc Range[MaxConnectionFields];
        var connectionCount = 0;
        for (var rest = fields; !rest.IsEmpty;)
        {
            var offset = fields.Length - rest.Length;
            NextField(ref rest, out var name, out var value, out var valueStart);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                contentLength = ParseContentLength(value, contentLength);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // Only chunked exists between us: we send no TE, so any other coding (RFC 9112 §7) is a violation.
                if (transferEncoding || !Ascii.EqualsIgnoreCase(value, "chunked"u8))
                {
                    throw new Http1ProtocolException("the upstream answered with a transfer coding other than chunked");
                }

                transferEncoding = true;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                if (connectionCount == MaxConnectionFields)
                {
                    throw new Http1ProtocolException("the upstream answered with too many Connection fields");
                }

                connectionValues[connectionCount++] = new Range(offset + valueStart, offset + valueStart + value.Length);
                close |= HasToken(value, "close"u8);
                keepAlive |= HasToken(value, "keep-alive"u8);
            }
        }

        // Both Transfer-Encoding and Content-Length: whatever the body, that upstream's framing is not to be trusted again.
        var reusable = (minor == 1 ? !close : keepAlive && !close) && !(transferEncoding && contentLength >= 0);
        Http1BodyFraming framing;
        if (headRequest || status < 200 || status is 204 or 304)
        {
            framing = Http1BodyFraming.None;
        }
        else if (transferEncoding)
        {
            framing = Http1BodyFraming.Chunked; // wins over a Content-Length (RFC 9112 §6.3)
        }
        else if (contentLength >= 0)
        {
            framing = Http1BodyFraming.ContentLength;
        }
        else
        {
            framing = Http1BodyFraming.UntilClose;
            reusable = false;
        }

        if (target is not null)
        {
            AddFields(fields, connectionValues[..connectionCount], target);
        }

        return new Http1ResponseHead(status, framing, transferEncoding ? -1 : contentLength, reusable);
    }

    /// <summary>Adds a chunked body's trailer fields (each line with its CRLF) as response trailers.</summary>
    public static void AddTrailers(ReadOnlySpan<byte> fields, HttpResponse response)
    {
        for (var rest = fields; !rest.IsEmpty;)
        {
            NextField(ref rest, out var name, out var value, out _);
            var nameString = Http1FieldStrings.Name(name, out var slot);
            if (!HopByHopHeaders.IsHopByHop(nameString) && !nameString.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                response.AppendTrailer(nameString, Http1FieldStrings.Value(value, slot));
            }
        }
    }

    /// <summary>Checks trailer field lines without keeping them (the client's protocol cannot carry trailers).</summary>
    public static void ValidateFields(ReadOnlySpan<byte> fields)
    {
        for (var rest = fields; !rest.IsEmpty;)
        {
            NextField(ref rest, out _, out _, out _);
        }
    }

    private static void AddFields(ReadOnlySpan<byte> fields, ReadOnlySpan<Range> connectionValues, IHeaderDictionary target)
    {
        for (var rest = fields; !rest.IsEmpty;)
        {
            var offset = fields.Length - rest.Length;
            NextField(ref rest, out var name, out var value, out _);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8) || IsListed(name, fields, connectionValues))
            {
                continue;
            }

            var nameString = Http1FieldStrings.Name(name, out var slot);
            if (HopByHopHeaders.IsHopByHop(nameString))
            {
                continue;
            }

            // A repeated field (Set-Cookie) keeps every line; the first line replaces what the gateway set before
            // forwarding (Cache-Status), as the upstream's answer is the one passed on. Not Append: it skips empty
            // values, and an empty field is still a field the client should see.
            var fieldValue = Http1FieldStrings.Value(value, slot);
            target[nameString] = target.TryGetValue(nameString, out var existing) && AppearsBefore(fields[..offset], name)
                ? StringValues.Concat(existing, fieldValue)
                : new StringValues(fieldValue);
        }
    }

    private static bool AppearsBefore(ReadOnlySpan<byte> earlierFields, ReadOnlySpan<byte> name)
    {
        for (var rest = earlierFields; !rest.IsEmpty;)
        {
            NextField(ref rest, out var earlier, out _, out _);
            if (Ascii.EqualsIgnoreCase(earlier, name))
            {
                return true;
            }
        }

        return false;
    }

    private static (int Minor, int Status) ParseStatusLine(ReadOnlySpan<byte> line)
    {
        // HTTP/1.x SP 3DIGIT [SP reason]
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || !char.IsAsciiDigit((char)line[7]) || line[8] != ' '
            || !char.IsAsciiDigit((char)line[9]) || !char.IsAsciiDigit((char)line[10]) || !char.IsAsciiDigit((char)line[11])
            || (line.Length > 12 && line[12] != ' ') || line[9] == '0')
        {
            throw new Http1ProtocolException("the upstream's answer does not start with an HTTP/1.x status line");
        }

        if (line.ContainsAny(ForbiddenInValue))
        {
            throw new Http1ProtocolException("the upstream's status line holds a bare CR, LF or NUL");
        }

        return (line[7] - '0', ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0'));
    }

    private static void NextField(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out int valueStart)
    {
        var end = rest.IndexOf("\r\n"u8);
        var line = rest[..end];
        rest = rest[(end + 2)..];
        if (line.IsEmpty || line[0] is (byte)' ' or (byte)'\t')
        {
            throw new Http1ProtocolException("the upstream's answer uses obsolete line folding");
        }

        var colon = line.IndexOf((byte)':');
        if (colon <= 0 || line[..colon].ContainsAnyExcept(TokenBytes))
        {
            throw new Http1ProtocolException("the upstream's answer has a malformed field line");
        }

        var rawValue = line[(colon + 1)..];
        value = rawValue.Trim(" \t"u8);
        if (value.ContainsAny(ForbiddenInValue))
        {
            throw new Http1ProtocolException("a field value of the upstream's answer holds a bare CR, LF or NUL");
        }

        name = line[..colon];
        valueStart = colon + 1 + (rawValue.Length - rawValue.TrimStart(" \t"u8).Length);
    }

    private static long ParseContentLength(ReadOnlySpan<byte> value, long previous)
    {
        // "42" or a repeated list of the same number ("42, 42"); anything else cannot frame a body safely.
        var result = previous;
        foreach (var part in value.Split((byte)','))
        {
            var number = value[part].Trim(" \t"u8);
            if (number.IsEmpty || number.ContainsAnyExceptInRange((byte)'0', (byte)'9')
                || !Utf8Parser.TryParse(number, out long length, out var consumed) || consumed != number.Length
                || (result >= 0 && result != length))
            {
                throw new Http1ProtocolException("the upstream's answer has an invalid or conflicting Content-Length");
            }

            result = length;
        }

        return result;
    }

    private static bool IsListed(ReadOnlySpan<byte> name, ReadOnlySpan<byte> fields, ReadOnlySpan<Range> connectionValues)
    {
        foreach (var range in connectionValues)
        {
            if (HasToken(fields[range], name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasToken(ReadOnlySpan<byte> list, ReadOnlySpan<byte> token)
    {
        foreach (var part in list.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(list[part].Trim(" \t"u8), token))
            {
                return true;
            }
        }

        return false;
    }
}
