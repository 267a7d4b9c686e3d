using Bff.Clients;
using Bff.Clients.Orders;
using Bff.Clients.Products;
using Bff.Clients.Results;
using Bff.Clients.Reviews;
using Bff.Clients.Users;
using Bff.Contracts.Paging;
using Bff.Contracts.Products;
using Bff.Contracts.Reviews;
using Microsoft.Extensions.Options;
using Mobile.Bff.Caching;
using Mobile.Bff.Http;
using Mobile.Bff.Metrics;
using Mobile.Bff.Sections;

namespace Mobile.Bff.Home;

/// <summary>
/// Assembles the home screen: profile (core), unread notifications, recent orders and recommendations in
/// parallel; the ratings of the recommended products as soon as they are known.
/// </summary>
internal sealed class HomeScreen(
    IUsersClient users,
    IOrdersClient orders,
    IProductsClient products,
    IReviewsClient reviews,
    SectionRunner runner,
    ScreenBudgets budgets,
    MobileMetrics metrics,
    IOptions<HomeOptions> options)
{
    public const string Name = "home";

    public async Task<IResult> RenderAsync(HttpContext context, int userId)
    {
        var settings = options.Value;
        using var budget = budgets.Start(context.RequestAborted);
        var profile = runner.FetchAsync(budget, SectionNames.Profile, DomainServiceNames.Users, ct => users.GetUserAsync(userId, ct));
        var unread = runner.FetchAsync(budget, SectionNames.Notifications, DomainServiceNames.Users, ct => users.GetUnreadCountAsync(userId, ct));
        var recent = runner.FetchAsync(budget, SectionNames.Orders, DomainServiceNames.Orders, ct => orders.GetRecentOrdersAsync(userId, settings.RecentOrders, ct));
        var recommended = runner.FetchAsync(budget, SectionNames.Recommendations, DomainServiceNames.Products, ct => products.GetRecommendedAsync(userId, settings.Recommendations, ct));
        var ratings = RatingsAsync(budget, recommended);

        var report = new ScreenReport(Name);
        var user = report.Add(SectionNames.Profile, await profile.ConfigureAwait(false));
        if (user is null)
        {
            await budget.CancelRemainingAsync().ConfigureAwait(false);
            await Task.WhenAll(unread, recent, recommended, ratings).ConfigureAwait(false);
            report.Record(metrics);
            var error = (await profile.ConfigureAwait(false)).Error;
            return error?.Kind == ServiceErrorKind.NotFound
                ? MobileProblems.NotFound("user")
                : MobileProblems.CoreUnavailable(context, SectionNames.Profile, error, budgets.Options.RetryAfter);
        }

        var unreadCount = report.Add(SectionNames.Notifications, await unread.ConfigureAwait(false));
        var recentOrders = report.Add(SectionNames.Orders, await recent.ConfigureAwait(false));
        var recommendedProducts = report.Add(SectionNames.Recommendations, await recommended.ConfigureAwait(false));
        var ratingsSection = await ratings.ConfigureAwait(false);
        IReadOnlyDictionary<int, RatingSummary>? ratingById = null;
        if (ratingsSection is { } known)
        {
            ratingById = report.Add(SectionNames.Ratings, known);
        }
        else
        {
            report.AddMissing(SectionNames.Ratings);
        }

        report.Record(metrics);
        var response = new HomeResponse(
            user.DisplayName,
            unreadCount?.Unread,
            recentOrders?.Items.Select(o => new HomeOrder(o.Id, o.Total, o.Currency, o.Status)).ToList(),
            recommendedProducts?.Items.Select(p => ToHomeProduct(p, ratingById)).ToList(),
            report.Sections,
            report.Degraded);
        return new ETaggedJsonResult<HomeResponse>(response, MobileJsonContext.Default.HomeResponse);
    }

    // Null when the recommendations themselves are missing: there is nothing to rate.
    private async Task<Section<IReadOnlyDictionary<int, RatingSummary>>?> RatingsAsync(
        ScreenBudget budget,
        Task<Section<ItemList<Product>>> recommended)
    {
        var products = (await recommended.ConfigureAwait(false)).Value;
        if (products is null)
        {
            return null;
        }

        return await runner.FetchManyCachedAsync<RatingSummary>(
            budget,
            SectionNames.Ratings,
            DomainServiceNames.Reviews,
            [.. products.Items.Select(p => p.Id)],
            CacheKeys.Rating,
            r => r.ProductId,
            (ids, ct) => reviews.GetRatingSummariesAsync(ids, ct).MapAsync(list => list.Items)).ConfigureAwait(false);
    }

    private static HomeProduct ToHomeProduct(Product product, IReadOnlyDictionary<int, RatingSummary>? ratings)
    {
        double? rating = ratings is not null && ratings.TryGetValue(product.Id, out var summary) && summary.Count > 0
            ? Math.Round(summary.Average, 1)
            : null;
        return new HomeProduct(product.Id, product.Name, product.Price, product.Currency, rating);
    }
}
