namespace Bff.GraphQL;

/// <summary>A 1-based line and column in the request document.</summary>
public readonly record struct ErrorLocation(int Line, int Column);
