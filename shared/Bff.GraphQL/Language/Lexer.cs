using System.Globalization;
using System.Text;

namespace Bff.GraphQL.Language;

/// <summary>
/// Reads GraphQL tokens straight from UTF-8 bytes (spec section 2.1 Source Text and 2.1.6 Lexical Tokens).
/// Ignored tokens (white space, line terminators, commas, comments, the BOM) are skipped.
/// </summary>
internal ref struct Lexer
{
    private readonly ReadOnlySpan<byte> _source;
    private readonly int _maxTokens;
    private int _position;
    private int _line;
    private int _lineStart;

    public Lexer(ReadOnlySpan<byte> source, int maxTokens)
    {
        _source = source;
        _maxTokens = maxTokens;
        _line = 1;
        Kind = TokenKind.StartOfFile;
    }

    public TokenKind Kind { get; private set; }

    /// <summary>Byte offset where the current token starts.</summary>
    public int Start { get; private set; }

    /// <summary>Byte offset just after the current token.</summary>
    public int End { get; private set; }

    public int Line { get; private set; }

    public int Column { get; private set; }

    /// <summary>End of the token before the current one: the end of the node being finished.</summary>
    public int PreviousEnd { get; private set; }

    /// <summary>Number of tokens read so far.</summary>
    public int TokenCount { get; private set; }

    /// <summary>Decoded value of the current String or BlockString token.</summary>
    public string? StringValue { get; private set; }

    public readonly ReadOnlySpan<byte> Raw => _source[Start..End];

    public readonly Location CurrentLocation => new(Start, End, Line, Column);

    /// <summary>Advances to the next significant token.</summary>
    public TokenKind Next()
    {
        PreviousEnd = End;
        SkipIgnored();
        Start = _position;
        Line = _line;
        Column = _position - _lineStart + 1;
        StringValue = null;
        if (_position >= _source.Length)
        {
            Kind = TokenKind.EndOfFile;
            End = _position;
            return Kind;
        }

        if (++TokenCount > _maxTokens)
        {
            throw new GraphQLSyntaxException(
                $"Document contains more than {_maxTokens.ToString(CultureInfo.InvariantCulture)} tokens. Parsing aborted.", Line, Column, ErrorCodes.TooManyTokens);
        }

        var c = _source[_position];
        Kind = c switch
        {
            (byte)'!' => Punctuator(TokenKind.Bang),
            (byte)'$' => Punctuator(TokenKind.Dollar),
            (byte)'&' => Punctuator(TokenKind.Ampersand),
            (byte)'(' => Punctuator(TokenKind.LeftParen),
            (byte)')' => Punctuator(TokenKind.RightParen),
            (byte)':' => Punctuator(TokenKind.Colon),
            (byte)'=' => Punctuator(TokenKind.EqualsSign),
            (byte)'@' => Punctuator(TokenKind.At),
            (byte)'[' => Punctuator(TokenKind.LeftBracket),
            (byte)']' => Punctuator(TokenKind.RightBracket),
            (byte)'{' => Punctuator(TokenKind.LeftBrace),
            (byte)'|' => Punctuator(TokenKind.Pipe),
            (byte)'}' => Punctuator(TokenKind.RightBrace),
            (byte)'.' => ReadSpread(),
            (byte)'"' => ReadStringOrBlock(),
            _ when IsNameStart(c) => ReadName(),
            _ when c == '-' || IsDigit(c) => ReadNumber(),
            _ => throw Error($"Unexpected character: {Describe(_position)}.", _position),
        };
        End = _position;
        return Kind;
    }

    public readonly GraphQLSyntaxException Error(string description, int position)
    {
        // Positions on the current line: the column follows from the line start.
        var line = _line;
        var lineStart = _lineStart;
        if (position < lineStart)
        {
            line = Line;
            lineStart = Start - Column + 1;
        }

        return new GraphQLSyntaxException(description, line, position - lineStart + 1);
    }

    public readonly string DescribeCurrent()
    {
        return Kind switch
        {
            TokenKind.EndOfFile => "<EOF>",
            TokenKind.Name => $"Name \"{Encoding.UTF8.GetString(Raw)}\"",
            TokenKind.Int => $"Int \"{Encoding.UTF8.GetString(Raw)}\"",
            TokenKind.Float => $"Float \"{Encoding.UTF8.GetString(Raw)}\"",
            TokenKind.String => $"String \"{StringValue}\"",
            TokenKind.BlockString => $"BlockString \"{StringValue}\"",
            _ => Describe(Kind),
        };
    }

    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.StartOfFile => "<SOF>",
        TokenKind.Bang => "\"!\"",
        TokenKind.Dollar => "\"$\"",
        TokenKind.Ampersand => "\"&\"",
        TokenKind.LeftParen => "\"(\"",
        TokenKind.RightParen => "\")\"",
        TokenKind.Spread => "\"...\"",
        TokenKind.Colon => "\":\"",
        TokenKind.EqualsSign => "\"=\"",
        TokenKind.At => "\"@\"",
        TokenKind.LeftBracket => "\"[\"",
        TokenKind.RightBracket => "\"]\"",
        TokenKind.LeftBrace => "\"{\"",
        TokenKind.Pipe => "\"|\"",
        TokenKind.RightBrace => "\"}\"",
        _ => kind.ToString(),
    };

    private TokenKind Punctuator(TokenKind kind)
    {
        _position++;
        return kind;
    }

    private void SkipIgnored()
    {
        var src = _source;
        while (_position < src.Length)
        {
            var c = src[_position];
            switch (c)
            {
                case (byte)' ' or (byte)'\t' or (byte)',':
                    _position++;
                    break;
                case (byte)'\n':
                    _position++;
                    NewLine();
                    break;
                case (byte)'\r':
                    _position++;
                    if (_position < src.Length && src[_position] == '\n')
                    {
                        _position++;
                    }

                    NewLine();
                    break;
                case (byte)'#':
                    while (_position < src.Length && src[_position] is not (byte)'\n' and not (byte)'\r')
                    {
                        _position++;
                    }

                    break;
                case 0xEF when _position + 2 < src.Length && src[_position + 1] == 0xBB && src[_position + 2] == 0xBF:
                    _position += 3;
                    break;
                default:
                    return;
            }
        }
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _position;
    }

    private TokenKind ReadSpread()
    {
        if (_position + 2 < _source.Length && _source[_position + 1] == '.' && _source[_position + 2] == '.')
        {
            _position += 3;
            return TokenKind.Spread;
        }

        throw Error("Unexpected character: \".\".", _position);
    }

    private TokenKind ReadName()
    {
        _position++;
        while (_position < _source.Length && IsNameContinue(_source[_position]))
        {
            _position++;
        }

        return TokenKind.Name;
    }

    // IntValue / FloatValue (spec 2.9.1, 2.9.2): -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private TokenKind ReadNumber()
    {
        var isFloat = false;
        if (_source[_position] == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
            if (IsDigit(Peek()))
            {
                throw Error($"Invalid number, unexpected digit after 0: {Describe(_position)}.", _position);
            }
        }
        else
        {
            ReadDigits();
        }

        if (Peek() == '.')
        {
            isFloat = true;
            _position++;
            ReadDigits();
        }

        if (Peek() is (byte)'e' or (byte)'E')
        {
            isFloat = true;
            _position++;
            if (Peek() is (byte)'+' or (byte)'-')
            {
                _position++;
            }

            ReadDigits();
        }

        if (Peek() == '.' || IsNameStart(Peek()))
        {
            throw Error($"Invalid number, expected digit but got: {Describe(_position)}.", _position);
        }

        return isFloat ? TokenKind.Float : TokenKind.Int;
    }

    private void ReadDigits()
    {
        if (!IsDigit(Peek()))
        {
            throw Error($"Invalid number, expected digit but got: {Describe(_position)}.", _position);
        }

        while (IsDigit(Peek()))
        {
            _position++;
        }
    }

    private readonly int Peek() => _position < _source.Length ? _source[_position] : -1;

    private TokenKind ReadStringOrBlock()
    {
        if (_position + 2 < _source.Length && _source[_position + 1] == '"' && _source[_position + 2] == '"')
        {
            StringValue = ReadBlockString();
            return TokenKind.BlockString;
        }

        StringValue = ReadString();
        return TokenKind.String;
    }

    // StringValue (spec 2.9.4): "StringCharacter*" with escapes; no line terminators.
    private string ReadString()
    {
        var start = ++_position;
        var src = _source;

        // Fast path: no escapes.
        while (_position < src.Length)
        {
            var c = src[_position];
            if (c == '"')
            {
                var value = Encoding.UTF8.GetString(src[start.._position]);
                _position++;
                return value;
            }

            if (c == '\\')
            {
                break;
            }

            CheckStringCharacter(c);
            _position++;
        }

        if (_position >= src.Length)
        {
            throw Error("Unterminated string.", _position);
        }

        var sb = new StringBuilder(Encoding.UTF8.GetString(src[start.._position]));
        while (_position < src.Length)
        {
            var c = src[_position];
            if (c == '"')
            {
                _position++;
                return sb.ToString();
            }

            if (c == '\\')
            {
                ReadEscape(sb);
                continue;
            }

            CheckStringCharacter(c);
            var runStart = _position;
            while (_position < src.Length && src[_position] is not (byte)'"' and not (byte)'\\' and >= 0x20)
            {
                _position++;
            }

            if (_position == runStart)
            {
                _position++;
            }

            sb.Append(Encoding.UTF8.GetString(src[runStart.._position]));
        }

        throw Error("Unterminated string.", _position);
    }

    private readonly void CheckStringCharacter(byte c)
    {
        if (c is (byte)'\n' or (byte)'\r')
        {
            throw Error("Unterminated string.", _position);
        }

        if (c < 0x20 && c != '\t')
        {
            throw Error($"Invalid character within String: {Describe(_position)}.", _position);
        }
    }

    private void ReadEscape(StringBuilder sb)
    {
        var escapeStart = _position;
        _position++;
        var c = Peek();
        _position++;
        switch (c)
        {
            case '"': sb.Append('"'); return;
            case '\\': sb.Append('\\'); return;
            case '/': sb.Append('/'); return;
            case 'b': sb.Append('\b'); return;
            case 'f': sb.Append('\f'); return;
            case 'n': sb.Append('\n'); return;
            case 'r': sb.Append('\r'); return;
            case 't': sb.Append('\t'); return;
            case 'u':
                ReadUnicodeEscape(sb, escapeStart);
                return;
            default:
                var shown = c < 0 ? string.Empty : Encoding.UTF8.GetString(_source.Slice(escapeStart, Math.Min(2, _source.Length - escapeStart)));
                throw Error($"Invalid character escape sequence: \"{shown}\".", escapeStart);
        }
    }

    private void ReadUnicodeEscape(StringBuilder sb, int escapeStart)
    {
        int codePoint;
        if (Peek() == '{')
        {
            _position++;
            codePoint = 0;
            var digits = 0;
            while (Peek() != '}')
            {
                var h = HexValue(Peek());
                if (h < 0 || digits > 6)
                {
                    throw InvalidUnicode(escapeStart);
                }

                codePoint = (codePoint << 4) | h;
                digits++;
                _position++;
                if (codePoint > 0x10FFFF)
                {
                    throw InvalidUnicode(escapeStart);
                }
            }

            _position++;
            if (digits == 0 || !Rune.IsValid(codePoint))
            {
                throw InvalidUnicode(escapeStart);
            }

            sb.Append(char.ConvertFromUtf32(codePoint));
            return;
        }

        codePoint = ReadHex4(escapeStart);
        if (char.IsHighSurrogate((char)codePoint))
        {
            // A leading surrogate must be followed by an escaped trailing one (legacy surrogate pair form).
            if (Peek() == '\\' && _position + 1 < _source.Length && _source[_position + 1] == 'u')
            {
                var save = _position;
                _position += 2;
                var low = ReadHex4(save);
                if (char.IsLowSurrogate((char)low))
                {
                    sb.Append((char)codePoint).Append((char)low);
                    return;
                }
            }

            throw InvalidUnicode(escapeStart);
        }

        if (char.IsLowSurrogate((char)codePoint))
        {
            throw InvalidUnicode(escapeStart);
        }

        sb.Append((char)codePoint);
    }

    private int ReadHex4(int escapeStart)
    {
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            var h = HexValue(Peek());
            if (h < 0)
            {
                throw InvalidUnicode(escapeStart);
            }

            value = (value << 4) | h;
            _position++;
        }

        return value;
    }

    private readonly GraphQLSyntaxException InvalidUnicode(int escapeStart)
    {
        var end = Math.Min(_source.Length, Math.Max(_position + 1, escapeStart + 6));
        var text = Encoding.UTF8.GetString(_source[escapeStart..end]);
        return Error($"Invalid Unicode escape sequence: \"{text}\".", escapeStart);
    }

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    // BlockString (spec 2.9.4): """ ... """ with only \""" escaped; value is BlockStringValue(raw).
    private string ReadBlockString()
    {
        _position += 3;
        var src = _source;
        var raw = new StringBuilder();
        var chunkStart = _position;
        while (_position < src.Length)
        {
            var c = src[_position];
            if (c == '"' && _position + 2 < src.Length && src[_position + 1] == '"' && src[_position + 2] == '"')
            {
                raw.Append(Encoding.UTF8.GetString(src[chunkStart.._position]));
                _position += 3;
                return BlockString.Dedent(raw.ToString());
            }

            if (c == '\\' && _position + 3 < src.Length && src[_position + 1] == '"' && src[_position + 2] == '"' && src[_position + 3] == '"')
            {
                raw.Append(Encoding.UTF8.GetString(src[chunkStart.._position])).Append("\"\"\"");
                _position += 4;
                chunkStart = _position;
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                _position++;
                if (c == '\r' && Peek() == '\n')
                {
                    _position++;
                }

                NewLine();
                continue;
            }

            if (c < 0x20 && c != '\t')
            {
                throw Error($"Invalid character within String: {Describe(_position)}.", _position);
            }

            _position++;
        }

        throw Error("Unterminated string.", _position);
    }

    private readonly string Describe(int position)
    {
        if (position >= _source.Length)
        {
            return "<EOF>";
        }

        var c = _source[position];
        if (c >= 0x20 && c < 0x7F)
        {
            return c == '"' ? "'\"'" : $"\"{(char)c}\"";
        }

        if (c < 0x80)
        {
            return "U+" + c.ToString("X4", CultureInfo.InvariantCulture);
        }

        var status = Rune.DecodeFromUtf8(_source[position..], out var rune, out _);
        return status == System.Buffers.OperationStatus.Done
            ? "U+" + rune.Value.ToString("X4", CultureInfo.InvariantCulture)
            : "U+FFFD";
    }

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    private static bool IsNameStart(int c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsNameContinue(int c) => IsNameStart(c) || IsDigit(c);
}
