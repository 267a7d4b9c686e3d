namespace Bff.Edge.RequestGuard;

/// <summary>
/// Follows a chunked request body byte by byte through its chunk-size lines and trailer section, skipping chunk data
/// by count, and stops at the first byte that breaks RFC 9112 §7.1:
/// <code>
/// chunk      = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
/// chunk-ext  = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
/// chunk-ext-name = token; chunk-ext-val = token / quoted-string
/// last-chunk = 1*("0") [ chunk-ext ] CRLF; trailer-section = *( field-line CRLF ); then CRLF
/// </code>
/// Kestrel parses the chunk sizes itself but skips extensions unread; this is what holds them to the grammar.
/// </summary>
internal sealed class ChunkedBodyValidator
{
    /// <summary>A size line longer than this (digits and extensions) is refused: nothing legitimate needs more.</summary>
    public const int MaxSizeLineLength = 4096;

    private const long MaxChunkSize = int.MaxValue;

    private State _state = State.SizeStart;
    private long _size;
    private long _remaining;
    private int _lineLength;

    private enum State
    {
        SizeStart,
        Size,
        AfterSize,
        ExtNameStart,
        ExtName,
        AfterExtName,
        ExtValueStart,
        ExtToken,
        Quoted,
        QuotedPair,
        AfterExtValue,
        SizeLineLf,
        Data,
        DataCr,
        DataLf,
        TrailerLineStart,
        TrailerName,
        TrailerValue,
        TrailerLf,
        FinalLf,
        Done,
    }

    /// <summary>True once the last chunk and the trailer section (with its final CRLF) have been seen.</summary>
    public bool IsComplete => _state == State.Done;

    /// <summary>
    /// Checks <paramref name="bytes"/>, the body bytes that follow those of the previous call. Returns how many belong
    /// to the body (fewer than given once the body ends: the rest is the next request), or -1 with
    /// <paramref name="error"/> at the first malformed byte.
    /// </summary>
    public int Feed(ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        var i = 0;
        while (i < bytes.Length && _state != State.Done)
        {
            if (_state == State.Data)
            {
                var take = (int)Math.Min(_remaining, bytes.Length - i);
                i += take;
                _remaining -= take;
                if (_remaining == 0)
                {
                    _state = State.DataCr;
                }

                continue;
            }

            error = Step(bytes[i]);
            if (error is not null)
            {
                return -1;
            }

            i++;
        }

        return i;
    }

    private string? Step(byte b)
    {
        if (_state <= State.SizeLineLf && ++_lineLength > MaxSizeLineLength)
        {
            return "A chunk-size line is too long.";
        }

        switch (_state)
        {
            case State.SizeStart:
                return Hex(b) is { } first ? Digit(first) : "A chunk size must start with a hex digit.";
            case State.Size:
                if (Hex(b) is { } digit)
                {
                    return Digit(digit);
                }

                return AfterSize(b);
            case State.AfterSize:
                return AfterSize(b);
            case State.ExtNameStart:
                return RawSyntax.IsWhitespace(b) ? null
                    : RawSyntax.IsTokenByte(b) ? Go(State.ExtName)
                    : "A chunk extension needs a name (a token) after ';'.";
            case State.ExtName:
                return RawSyntax.IsTokenByte(b) ? null : AfterName(b);
            case State.AfterExtName:
                return AfterName(b);
            case State.ExtValueStart:
                return RawSyntax.IsWhitespace(b) ? null
                    : b == '"' ? Go(State.Quoted)
                    : RawSyntax.IsTokenByte(b) ? Go(State.ExtToken)
                    : "A chunk extension value must be a token or a quoted string.";
            case State.ExtToken:
                return RawSyntax.IsTokenByte(b) ? null : AfterValue(b);
            case State.Quoted:
                return b == '"' ? Go(State.AfterExtValue)
                    : b == '\\' ? Go(State.QuotedPair)
                    : RawSyntax.IsQuotedTextByte(b) ? null
                    : "A control character in a quoted chunk extension value.";
            case State.QuotedPair:
                return RawSyntax.IsQuotedPairByte(b) ? Go(State.Quoted) : "A control character in a quoted chunk extension value.";
            case State.AfterExtValue:
                return AfterValue(b);
            case State.SizeLineLf:
                if (b != '\n')
                {
                    return "A chunk-size line must end with CRLF.";
                }

                _lineLength = 0;
                if (_size == 0)
                {
                    return Go(State.TrailerLineStart);
                }

                _remaining = _size;
                return Go(State.Data);
            case State.DataCr:
                return b == '\r' ? Go(State.DataLf) : "Chunk data must be followed by CRLF.";
            case State.DataLf:
                _size = 0;
                return b == '\n' ? Go(State.SizeStart) : "Chunk data must be followed by CRLF.";
            case State.TrailerLineStart:
                return b == '\r' ? Go(State.FinalLf)
                    : RawSyntax.IsTokenByte(b) ? Go(State.TrailerName)
                    : "A trailer field name must be a token.";
            case State.TrailerName:
                return RawSyntax.IsTokenByte(b) ? null
                    : b == ':' ? Go(State.TrailerValue)
                    : "A trailer field name must be a token.";
            case State.TrailerValue:
                return b == '\r' ? Go(State.TrailerLf)
                    : RawSyntax.IsFieldValueByte(b) ? null
                    : "A control character in a trailer field value.";
            case State.TrailerLf:
                return b == '\n' ? Go(State.TrailerLineStart) : "A trailer field line must end with CRLF.";
            case State.FinalLf:
                return b == '\n' ? Go(State.Done) : "A chunked body must end with CRLF.";
            default:
                return null;
        }
    }

    private string? Digit(int value)
    {
        _size = (_size * 16) + value;
        return _size > MaxChunkSize ? "A chunk size is too large." : Go(State.Size);
    }

    private string? AfterSize(byte b) =>
        RawSyntax.IsWhitespace(b) ? Go(State.AfterSize)
        : b == ';' ? Go(State.ExtNameStart)
        : b == '\r' ? Go(State.SizeLineLf)
        : "A chunk size must be hex digits, optionally followed by ';' extensions.";

    private string? AfterName(byte b) =>
        RawSyntax.IsWhitespace(b) ? Go(State.AfterExtName)
        : b == '=' ? Go(State.ExtValueStart)
        : b == ';' ? Go(State.ExtNameStart)
        : b == '\r' ? Go(State.SizeLineLf)
        : "A chunk extension name must be a token.";

    private string? AfterValue(byte b) =>
        RawSyntax.IsWhitespace(b) ? Go(State.AfterExtValue)
        : b == ';' ? Go(State.ExtNameStart)
        : b == '\r' ? Go(State.SizeLineLf)
        : "A chunk extension value must be a token or a quoted string.";

    private string? Go(State next)
    {
        _state = next;
        return null;
    }

    private static int? Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => null,
    };
}
