using System.Collections.Immutable;
using Bff.Contracts.Reviews;
using Bff.Stubs.Paging;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Reviews;

/// <summary>
/// The reviews, seeded then appended to by <c>POST /reviews</c>, kept in both list orders overall and per
/// product with each product's rating summary. Readers take an immutable snapshot; writers swap it under a lock.
/// </summary>
internal sealed class ReviewStore(TimeProvider time) : ISeedable
{
    private readonly Lock _writeGate = new();
    private readonly SeededData<Snapshot> _seed = new(() => Snapshot.From(SeedGenerator.Reviews()));
    private volatile Snapshot? _current;

    public string Name => "reviews";

    private Snapshot Current => _current ?? _seed.Value;

    public int Seed() => Current.ById.Length;

    public Review? Find(int id)
    {
        var byId = Current.ById;
        return id >= 1 && id <= byId.Length ? byId[id - 1] : null;
    }

    /// <summary>Every review, or one product's, in the order <paramref name="top"/> asks for.</summary>
    public IReadOnlyList<Review> Sorted(int? productId, bool top)
    {
        var snapshot = Current;
        if (productId is null)
        {
            return top ? snapshot.Top : snapshot.Recent;
        }

        return snapshot.ByProduct.TryGetValue(productId.Value, out var reviews) ? (top ? reviews.Top : reviews.Recent) : [];
    }

    public RatingSummary SummaryOf(int productId) =>
        Current.ByProduct.TryGetValue(productId, out var reviews) ? reviews.Summary : new RatingSummary(productId, 0, 0, [0, 0, 0, 0, 0]);

    public Review Add(AddReviewRequest request)
    {
        lock (_writeGate)
        {
            var snapshot = Current;
            var review = new Review(snapshot.ById.Length + 1, request.ProductId, request.UserId, request.Rating, request.Title!.Trim(), request.Body!.Trim(), time.GetUtcNow());
            _current = snapshot.With(review);
            return review;
        }
    }

    /// <summary>Newest first, then id descending.</summary>
    public static SortKey RecentKey(Review review) => new(-review.CreatedAt.UtcTicks, -review.Id);

    /// <summary>Highest rating first, then newest, then id descending.</summary>
    public static SortKey TopKey(Review review) => new(-review.Rating, -review.CreatedAt.UtcTicks, -review.Id);

    private sealed record ProductReviews(Review[] Recent, Review[] Top, RatingSummary Summary)
    {
        public static ProductReviews From(int productId, IEnumerable<Review> reviews)
        {
            var recent = reviews.OrderBy(RecentKey).ToArray();
            var histogram = new int[5];
            foreach (var review in recent)
            {
                histogram[review.Rating - 1]++;
            }

            var average = Math.Round(recent.Average(r => (double)r.Rating), 2);
            return new ProductReviews(recent, [.. recent.OrderBy(TopKey)], new RatingSummary(productId, recent.Length, average, histogram));
        }
    }

    private sealed record Snapshot(Review[] ById, Review[] Recent, Review[] Top, ImmutableDictionary<int, ProductReviews> ByProduct)
    {
        public static Snapshot From(IReadOnlyList<Review> reviews) => new(
            [.. reviews],
            [.. reviews.OrderBy(RecentKey)],
            [.. reviews.OrderBy(TopKey)],
            reviews.GroupBy(r => r.ProductId).ToImmutableDictionary(g => g.Key, g => ProductReviews.From(g.Key, g)));

        public Snapshot With(Review review)
        {
            var existing = ByProduct.TryGetValue(review.ProductId, out var current) ? current.Recent : [];
            return new Snapshot(
                [.. ById, review],
                Insert(Recent, review, RecentKey),
                Insert(Top, review, TopKey),
                ByProduct.SetItem(review.ProductId, ProductReviews.From(review.ProductId, [.. existing, review])));
        }

        private static Review[] Insert(Review[] sorted, Review review, Func<Review, SortKey> keyOf)
        {
            var key = keyOf(review);
            var index = Array.FindIndex(sorted, r => keyOf(r) > key);
            return index < 0 ? [.. sorted, review] : [.. sorted.AsSpan(0, index), review, .. sorted.AsSpan(index)];
        }
    }
}
