namespace Bff.GraphQL.Language;

/// <summary>Limits the parser enforces while reading, so a hostile document is refused before it is fully built.</summary>
public sealed record ParserOptions
{
    /// <summary>Shared defaults.</summary>
    public static readonly ParserOptions Default = new();

    /// <summary>Maximum number of tokens; default <see cref="int.MaxValue"/> (the request pipeline passes its own limit).</summary>
    public int MaxTokens { get; init; } = int.MaxValue;

    /// <summary>Maximum nesting of selection sets, list/object values and type references; default 256 (protects the stack).</summary>
    public int MaxNestingDepth { get; init; } = 256;
}
