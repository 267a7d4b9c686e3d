namespace Bff.Contracts.Reviews;

/// <summary>
/// Ratings of one product: <see cref="Histogram"/> holds the counts of 1..5 stars (index 0 = one star);
/// a product without reviews has count 0 and average 0.
/// </summary>
public sealed record RatingSummary(int ProductId, int Count, double Average, IReadOnlyList<int> Histogram);
