namespace Bff.Clients.Paging;

/// <summary>Which page of a list to fetch.</summary>
/// <param name="Limit">Items per page, 1..100; the service's default (20) when null.</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page; the first page when null.</param>
public sealed record PageRequest(int? Limit = null, string? Cursor = null);
