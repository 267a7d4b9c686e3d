namespace Bff.Contracts.Paging;

/// <summary>Answer of a batch get (<c>?ids=1,2,3</c>): items in the order asked, unknown ids listed in <see cref="Missing"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record BatchResult<T>(IReadOnlyList<T> Items, IReadOnlyList<int> Missing);
