using Bff.Clients.Results;
using Bff.Clients.Reviews;
using Bff.Contracts.Reviews;

namespace Bff.Contracts.Tests.Consumer;

public sealed class ReviewsClientContractTests() : ConsumerTestBase("reviews")
{
    [Fact]
    public async Task Get_review_maps_every_field()
    {
        var result = await Clients.Reviews.GetReviewAsync(1, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(
            new Review(1, 1, 2, 4, "Solid", "Does what it says.", new DateTimeOffset(2025, 8, 3, 12, 0, 0, TimeSpan.Zero)),
            result.Value);
    }

    [Fact]
    public async Task Unknown_review_is_NotFound()
    {
        var result = await Clients.Reviews.GetReviewAsync(99999999, Token);

        Assert.Equal(ServiceErrorKind.NotFound, result.Error?.Kind);
        Assert.Equal("reviews", result.Error?.Service);
    }

    [Fact]
    public async Task Batch_get_keeps_order_and_reports_missing_ids()
    {
        var result = await Clients.Reviews.GetReviewsAsync([1, 2, 99999999], Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([1, 2], result.Value.Items.Select(r => r.Id));
        Assert.Equal([99999999], result.Value.Missing);
    }

    [Fact]
    public async Task Top_reviews_of_a_product_are_paged()
    {
        var result = await Clients.Reviews.ListReviewsAsync(new ReviewQuery { ProductId = 1, Sort = ReviewSort.Top, Limit = 1 }, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(4, Assert.Single(result.Value.Items).Rating);
        Assert.NotNull(result.Value.NextCursor);
    }

    [Fact]
    public async Task Bad_cursor_is_a_BadRequest_with_the_problem()
    {
        var result = await Clients.Reviews.ListReviewsAsync(new ReviewQuery { ProductId = 1, Cursor = "not-a-cursor" }, Token);

        Assert.Equal(ServiceErrorKind.BadRequest, result.Error?.Kind);
        Assert.Equal("invalid_cursor", result.Error?.Problem?.Code);
    }

    [Fact]
    public async Task Unknown_sort_is_a_BadRequest_with_the_problem()
    {
        var result = await Clients.Reviews.ListReviewsAsync(new ReviewQuery { ProductId = 1, Sort = "worst" }, Token);

        Assert.Equal(ServiceErrorKind.BadRequest, result.Error?.Kind);
        Assert.Equal("invalid_query", result.Error?.Problem?.Code);
    }

    [Fact]
    public async Task Rating_summaries_are_mapped_with_histograms()
    {
        var result = await Clients.Reviews.GetRatingSummariesAsync([1, 2], Token);

        Assert.True(result.IsSuccess, result.ToString());
        var first = result.Value.Items[0];
        Assert.Equal((1, 12, 3.9), (first.ProductId, first.Count, first.Average));
        Assert.Equal([1, 1, 2, 4, 4], first.Histogram);
        Assert.Equal(2, result.Value.Items[1].ProductId);
    }

    [Fact]
    public async Task Reviews_of_many_products_come_per_product_in_the_order_asked()
    {
        var result = await Clients.Reviews.GetReviewsOfProductsAsync([1, 500, 1], 2, ReviewSort.Top, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([1, 500], result.Value.Items.Select(p => p.ProductId));
        Assert.Equal([1, 7], result.Value.Items[0].Items.Select(r => r.Id));
        Assert.NotNull(result.Value.Items[0].NextCursor);
        Assert.Empty(result.Value.Items[1].Items);
        Assert.Null(result.Value.Items[1].NextCursor);
    }

    [Theory]
    [InlineData(0, "recent")]
    [InlineData(51, "recent")]
    [InlineData(3, "worst")]
    public async Task Out_of_range_reviews_of_products_are_refused_without_a_request(int perProduct, string sort)
    {
        var result = await Clients.Reviews.GetReviewsOfProductsAsync([1, 2], perProduct, sort, Token);
        var badId = await Clients.Reviews.GetReviewsOfProductsAsync([1, 0], 3, cancellationToken: Token);

        Assert.Equal(ServiceErrorKind.BadRequest, result.Error?.Kind);
        Assert.Equal(ServiceErrorKind.BadRequest, badId.Error?.Kind);
        Assert.Equal(0, WireMock.CountRequests());
    }

    [Fact]
    public async Task Reviews_of_more_than_100_products_are_split_into_calls_and_merged_in_order()
    {
        var ids = Enumerable.Range(1, 150).ToArray();
        WireMock.AddMapping(ReviewsOfProductsMapping(ids[..100]));
        WireMock.AddMapping(ReviewsOfProductsMapping(ids[100..]));

        var result = await Clients.Reviews.GetReviewsOfProductsAsync(ids, 3, cancellationToken: Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([1, 101], result.Value.Items.Select(p => p.ProductId));
        Assert.Equal(1, WireMock.CountRequests("GET", $"/reviews?productIds={string.Join(',', ids[..100])}&perProduct=3&sort=recent"));
        Assert.Equal(1, WireMock.CountRequests("GET", $"/reviews?productIds={string.Join(',', ids[100..])}&perProduct=3&sort=recent"));
    }

    [Fact]
    public async Task Add_review_posts_the_body_and_returns_the_created_review()
    {
        var result = await Clients.Reviews.AddReviewAsync(new AddReviewRequest(1, 1, 5, "Great", "Works as described."), Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(20001, result.Value.Id);
        Assert.Equal(5, result.Value.Rating);
    }

    [Fact]
    public async Task Invalid_rating_is_a_BadRequest_naming_the_field()
    {
        var result = await Clients.Reviews.AddReviewAsync(new AddReviewRequest(1, 1, 9, "Great", "Works as described."), Token);

        Assert.Equal(ServiceErrorKind.BadRequest, result.Error?.Kind);
        Assert.True(result.Error?.Problem?.Errors?.ContainsKey("rating"));
    }

    // One entry for the first id of the chunk is enough to see the merge order; the contracts have priority 0.
    private static string ReviewsOfProductsMapping(int[] ids) => $$"""
        { "Priority": -1,
          "Request": { "Methods": [ "GET" ], "Path": { "Matchers": [ { "Name": "ExactMatcher", "Pattern": "/reviews" } ] },
                       "Params": [ { "Name": "productIds", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "{{string.Join(',', ids)}}" } ] },
                                   { "Name": "perProduct", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "3" } ] },
                                   { "Name": "sort", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "recent" } ] } ] },
          "Response": { "StatusCode": 200, "Headers": { "Content-Type": "application/json" },
            "BodyAsJson": { "items": [ { "productId": {{ids[0]}}, "items": [], "nextCursor": null } ] } } }
        """;
}
