using System.Globalization;

namespace Bff.GraphQL.Language;

/// <summary>
/// Recursive-descent parser over <see cref="Lexer"/>; split by spec section into partial files
/// (Document, Operations, Fragments, Values, Directives, Types, TypeSystem).
/// </summary>
internal ref partial struct Utf8GraphQLParser
{
    private Lexer _lexer;
    private readonly int _maxDepth;
    private int _depth;

    public Utf8GraphQLParser(ReadOnlySpan<byte> utf8, ParserOptions options)
    {
        _lexer = new Lexer(utf8, options.MaxTokens);
        _maxDepth = options.MaxNestingDepth;
        _lexer.Next();
    }

    public ValueNode ParseStandaloneValue()
    {
        var value = ParseValueLiteral(false);
        Expect(TokenKind.EndOfFile);
        return value;
    }

    public TypeNode ParseStandaloneType()
    {
        var type = ParseTypeReference();
        Expect(TokenKind.EndOfFile);
        return type;
    }

    private readonly Location Begin() => _lexer.CurrentLocation;

    private readonly Location Finish(Location start) => start with { End = _lexer.PreviousEnd };

    private readonly bool Peek(TokenKind kind) => _lexer.Kind == kind;

    private bool Skip(TokenKind kind)
    {
        if (_lexer.Kind == kind)
        {
            _lexer.Next();
            return true;
        }

        return false;
    }

    private void Expect(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            throw _lexer.Error($"Expected {Lexer.Describe(kind)}, found {_lexer.DescribeCurrent()}.", _lexer.Start);
        }

        _lexer.Next();
    }

    private readonly bool IsKeyword(ReadOnlySpan<byte> keyword) => _lexer.Kind == TokenKind.Name && _lexer.Raw.SequenceEqual(keyword);

    private void ExpectKeyword(ReadOnlySpan<byte> keyword, string text)
    {
        if (!IsKeyword(keyword))
        {
            throw _lexer.Error($"Expected \"{text}\", found {_lexer.DescribeCurrent()}.", _lexer.Start);
        }

        _lexer.Next();
    }

    private bool SkipKeyword(ReadOnlySpan<byte> keyword)
    {
        if (IsKeyword(keyword))
        {
            _lexer.Next();
            return true;
        }

        return false;
    }

    private readonly GraphQLSyntaxException Unexpected() => _lexer.Error($"Unexpected {_lexer.DescribeCurrent()}.", _lexer.Start);

    private string ParseName()
    {
        if (_lexer.Kind != TokenKind.Name)
        {
            throw _lexer.Error($"Expected Name, found {_lexer.DescribeCurrent()}.", _lexer.Start);
        }

        var name = NameCache.Get(_lexer.Raw);
        _lexer.Next();
        return name;
    }

    private void EnterNesting()
    {
        if (++_depth > _maxDepth)
        {
            throw new GraphQLSyntaxException(
                $"Document nesting exceeds the maximum depth of {_maxDepth.ToString(CultureInfo.InvariantCulture)}.", _lexer.Line, _lexer.Column, ErrorCodes.TooDeep);
        }
    }

    private void LeaveNesting() => _depth--;

    private delegate T ItemParser<T>(ref Utf8GraphQLParser parser);

    /// <summary>open item+ close (the spec's non-empty bracketed lists).</summary>
    private List<T> Many<T>(TokenKind open, ItemParser<T> item, TokenKind close)
    {
        Expect(open);
        var list = new List<T>();
        do
        {
            list.Add(item(ref this));
        }
        while (!Skip(close));
        return list;
    }

    /// <summary>[open item* close] (possibly empty and optional).</summary>
    private IReadOnlyList<T> OptionalMany<T>(TokenKind open, ItemParser<T> item, TokenKind close)
    {
        if (!Skip(open))
        {
            return [];
        }

        var list = new List<T>();
        while (!Skip(close))
        {
            list.Add(item(ref this));
        }

        return list;
    }
}
