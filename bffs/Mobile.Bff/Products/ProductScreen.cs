using Bff.Clients;
using Bff.Clients.Products;
using Bff.Clients.Results;
using Bff.Clients.Reviews;
using Bff.Contracts.Reviews;
using Mobile.Bff.Caching;
using Mobile.Bff.Http;
using Mobile.Bff.Metrics;
using Mobile.Bff.Sections;

namespace Mobile.Bff.Products;

/// <summary>
/// Assembles the product page: details (core), rating summary and the top 3 reviews, all in parallel and all
/// non-personal, so each is cached briefly and served stale when its service fails.
/// </summary>
internal sealed class ProductScreen(
    IProductsClient products,
    IReviewsClient reviews,
    SectionRunner runner,
    ScreenBudgets budgets,
    MobileMetrics metrics)
{
    public const string Name = "product";
    private const int TopReviewCount = 3;

    public async Task<IResult> RenderAsync(HttpContext context, int productId)
    {
        using var budget = budgets.Start(context.RequestAborted);
        var details = runner.FetchCachedAsync(budget, SectionNames.Product, DomainServiceNames.Products, CacheKeys.Product(productId),
            ct => products.GetProductAsync(productId, ct));
        var rating = runner.FetchCachedAsync(budget, SectionNames.Rating, DomainServiceNames.Reviews, CacheKeys.Rating(productId),
            ct => reviews.GetRatingSummariesAsync([productId], ct).MapAsync(list => Summary(list.Items, productId)));
        var top = runner.FetchCachedAsync(budget, SectionNames.Reviews, DomainServiceNames.Reviews, CacheKeys.TopReviews(productId),
            ct => reviews.ListReviewsAsync(new ReviewQuery { ProductId = productId, Sort = ReviewSort.Top, Limit = TopReviewCount }, ct)
                .MapAsync(page => page.Items));

        var report = new ScreenReport(Name);
        var detailsSection = await details.ConfigureAwait(false);
        var product = report.Add(SectionNames.Product, detailsSection);
        if (product is null)
        {
            await budget.CancelRemainingAsync().ConfigureAwait(false);
            await Task.WhenAll(rating, top).ConfigureAwait(false);
            report.Record(metrics);
            return detailsSection.Error?.Kind == ServiceErrorKind.NotFound
                ? MobileProblems.NotFound("product")
                : MobileProblems.CoreUnavailable(context, SectionNames.Product, detailsSection.Error, budgets.Options.RetryAfter);
        }

        var summary = report.Add(SectionNames.Rating, await rating.ConfigureAwait(false));
        var topReviews = report.Add(SectionNames.Reviews, await top.ConfigureAwait(false));
        report.Record(metrics);
        var response = new ProductPageResponse(
            product.Id,
            product.Name,
            product.Description,
            product.Category,
            product.Price,
            product.Currency,
            product.Stock,
            summary is null ? null : new ProductRating(Math.Round(summary.Average, 1), summary.Count, summary.Histogram),
            topReviews?.Select(r => new ProductReview(r.Id, r.Rating, r.Title, r.Body, r.CreatedAt)).ToList(),
            report.Sections,
            report.Degraded);
        return new ETaggedJsonResult<ProductPageResponse>(response, MobileJsonContext.Default.ProductPageResponse);
    }

    // The service answers one summary per asked id; an empty list would mean no reviews.
    private static RatingSummary Summary(IReadOnlyList<RatingSummary> summaries, int productId) =>
        summaries.FirstOrDefault(s => s.ProductId == productId) ?? new RatingSummary(productId, 0, 0, [0, 0, 0, 0, 0]);
}
