namespace Bff.GraphQL.Language;

/// <summary>
/// A span of the source: byte offsets plus the 1-based line and column where it starts.
/// Columns count UTF-8 bytes from the line start, which equals characters for ASCII lines.
/// </summary>
public readonly record struct Location(int Start, int End, int Line, int Column);
