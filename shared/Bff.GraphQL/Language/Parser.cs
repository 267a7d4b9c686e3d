using System.Buffers;
using System.Text;

namespace Bff.GraphQL.Language;

/// <summary>Parses GraphQL documents (executable and type-system) from UTF-8 bytes or strings.</summary>
public static class Parser
{
    /// <summary>Parses a document from UTF-8 bytes.</summary>
    /// <exception cref="GraphQLSyntaxException">The document does not match the grammar or exceeds a limit.</exception>
    public static DocumentNode Parse(ReadOnlySpan<byte> utf8, ParserOptions? options = null)
    {
        var parser = new Utf8GraphQLParser(utf8, options ?? ParserOptions.Default);
        return parser.ParseDocument();
    }

    /// <summary>Parses a document from a string (transcoded to UTF-8 in a pooled buffer).</summary>
    public static DocumentNode Parse(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return WithUtf8(source, options, static (utf8, o) => Parse(utf8, o));
    }

    /// <summary>Parses a single value literal, e.g. a default value (<c>{a: [1, 2]}</c>).</summary>
    public static ValueNode ParseValue(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return WithUtf8(source, options, static (utf8, o) =>
        {
            var parser = new Utf8GraphQLParser(utf8, o ?? ParserOptions.Default);
            return parser.ParseStandaloneValue();
        });
    }

    /// <summary>Parses a type reference such as <c>[ID!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return WithUtf8(source, options, static (utf8, o) =>
        {
            var parser = new Utf8GraphQLParser(utf8, o ?? ParserOptions.Default);
            return parser.ParseStandaloneType();
        });
    }

    private delegate T Utf8Func<T>(ReadOnlySpan<byte> utf8, ParserOptions? options);

    private static T WithUtf8<T>(string source, ParserOptions? options, Utf8Func<T> parse)
    {
        var max = Encoding.UTF8.GetMaxByteCount(source.Length);
        if (max <= 1024)
        {
            Span<byte> stack = stackalloc byte[max];
            var n = Encoding.UTF8.GetBytes(source, stack);
            return parse(stack[..n], options);
        }

        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = Encoding.UTF8.GetBytes(source, rented);
            return parse(rented.AsSpan(0, n), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
