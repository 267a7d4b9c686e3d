namespace Mobile.Bff.Products;

/// <summary>Average stars (one decimal, 0 when unrated), number of reviews, and counts of 1..5 stars.</summary>
internal sealed record ProductRating(double Average, int Count, IReadOnlyList<int> Histogram);
