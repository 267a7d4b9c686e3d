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
}
