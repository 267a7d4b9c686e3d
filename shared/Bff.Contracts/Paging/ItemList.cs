namespace Bff.Contracts.Paging;

/// <summary>A short, unpaged list: <c>{ "items": [...] }</c> (recent orders, categories, recommendations, rating summaries).</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
