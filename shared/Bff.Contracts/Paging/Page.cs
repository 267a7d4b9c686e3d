namespace Bff.Contracts.Paging;

/// <summary>One page of a list: <c>{ "items": [...], "nextCursor": "..." | null }</c>; a null cursor means the last page.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
