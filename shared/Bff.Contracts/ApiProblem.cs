namespace Bff.Contracts;

/// <summary>
/// An RFC 9457 problem document as the domain services send it (<c>application/problem+json</c>),
/// with the <c>code</c> extension callers branch on and, for <c>invalid_body</c>, the <c>errors</c> map.
/// </summary>
public sealed record ApiProblem(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    string? Instance,
    string? Code,
    IReadOnlyDictionary<string, string[]>? Errors);
