using System.Buffers;

namespace Bff.Edge.Upstream;

/// <summary>
/// Decodes a chunked body (RFC 9112 §7.1) in place: the data of every whole or partial chunk in the buffer is moved
/// to its front, so one write passes it on. Stops at the trailer section, which the caller reads as field lines.
/// </summary>
internal struct Http1ChunkedDecoder
{
    private const int MaxSizeLineLength = 4096;
    private const int MaxSizeDigits = 15; // below long.MaxValue, so the size cannot overflow

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);
    private static readonly SearchValues<byte> ForbiddenInLine = SearchValues.Create("\r\n\0"u8);

    private State _state;
    private long _remaining;

    private enum State
    {
        SizeLine,
        Data,
        DataEnd,
        Trailers,
    }

    /// <summary>True once the last (zero-size) chunk was read: what follows is the trailer section.</summary>
    public readonly bool AtTrailers => _state == State.Trailers;

    /// <summary>
    /// Decodes from the start of <paramref name="buffer"/>. Returns how many data bytes now sit at its front;
    /// <paramref name="consumed"/> tells how many input bytes were used (the rest waits for more input).
    /// </summary>
    public int Decode(Span<byte> buffer, out int consumed)
    {
        var produced = 0;
        var position = 0;
        var needMore = false;
        while (!needMore && position < buffer.Length && _state != State.Trailers)
        {
            switch (_state)
            {
                case State.SizeLine:
                    var lineEnd = buffer[position..].IndexOf("\r\n"u8);
                    if (lineEnd < 0)
                    {
                        if (buffer.Length - position > MaxSizeLineLength)
                        {
                            throw new Http1ProtocolException("the upstream's chunk size line is too long");
                        }

                        needMore = true;
                        break;
                    }

                    _remaining = ParseSize(buffer.Slice(position, lineEnd));
                    position += lineEnd + 2;
                    _state = _remaining == 0 ? State.Trailers : State.Data;
                    break;

                case State.Data:
                    var take = (int)Math.Min(_remaining, buffer.Length - position);
                    buffer.Slice(position, take).CopyTo(buffer[produced..]); // overlapping moves towards the front are safe
                    produced += take;
                    position += take;
                    _remaining -= take;
                    if (_remaining == 0)
                    {
                        _state = State.DataEnd;
                    }

                    break;

                case State.DataEnd:
                    if (buffer.Length - position < 2)
                    {
                        needMore = true;
                        break;
                    }

                    if (buffer[position] != '\r' || buffer[position + 1] != '\n')
                    {
                        throw new Http1ProtocolException("the upstream's chunk data is not followed by CRLF");
                    }

                    position += 2;
                    _state = State.SizeLine;
                    break;
            }
        }

        consumed = position;
        return produced;
    }

    private static long ParseSize(ReadOnlySpan<byte> line)
    {
        // chunk-size [BWS ";" chunk-ext]: the extensions are ignored, but they may not hide a line break.
        var digits = line.IndexOfAnyExcept(HexDigits);
        var size = digits < 0 ? line : line[..digits];
        var rest = digits < 0 ? default : line[digits..].TrimStart(" \t"u8);
        if (size.IsEmpty || size.Length > MaxSizeDigits || (!rest.IsEmpty && rest[0] != ';') || rest.ContainsAny(ForbiddenInLine))
        {
            throw new Http1ProtocolException("the upstream sent a malformed chunk size");
        }

        long value = 0;
        foreach (var b in size)
        {
            value = (value << 4) | (long)HexValue(b);
        }

        return value;
    }

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
