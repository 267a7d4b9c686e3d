using System.Net;
using System.Net.Http.Json;
using Bff.Contracts;
using Bff.Contracts.Reviews;
using Bff.Stubs.Tests.Support;

namespace Bff.Stubs.Tests.Reviews;

public sealed class ReviewsStubTests(ReviewsStub stub) : IClassFixture<ReviewsStub>
{
    private readonly HttpClient _client = stub.CreateClient();

    [Fact]
    public async Task Summary_counts_ratings_in_the_order_asked_and_zero_for_unreviewed()
    {
        var summary = await _client.GetOkAsync("/reviews/summary?productIds=3,495", ContractsJsonContext.Default.ItemListRatingSummary);

        Assert.Equal([3, 495], summary.Items.Select(s => s.ProductId));
        var reviewed = summary.Items[0];
        Assert.True(reviewed.Count > 0);
        Assert.Equal(reviewed.Count, reviewed.Histogram.Sum());
        Assert.InRange(reviewed.Average, 1, 5);
        Assert.Equal((495, 0, 0.0), (summary.Items[1].ProductId, summary.Items[1].Count, summary.Items[1].Average));
        Assert.Equal([0, 0, 0, 0, 0], summary.Items[1].Histogram);
    }

    [Fact]
    public async Task Top_sort_orders_by_rating_then_newest_and_pages_every_review_once()
    {
        var all = new List<Review>();
        string? cursor = null;
        do
        {
            var url = "/reviews?productId=7&sort=top&limit=9" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = await _client.GetOkAsync(url, ContractsJsonContext.Default.PageReview);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var summary = await _client.GetOkAsync("/reviews/summary?productIds=7", ContractsJsonContext.Default.ItemListRatingSummary);
        Assert.Equal(summary.Items[0].Count, all.Count);
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
        Assert.Equal(
            all.OrderByDescending(r => r.Rating).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.Id),
            all.Select(r => r.Id));
    }

    [Fact]
    public async Task Recent_is_the_default_sort()
    {
        var page = await _client.GetOkAsync("/reviews?productId=1&limit=50", ContractsJsonContext.Default.PageReview);

        Assert.Equal(page.Items.OrderByDescending(r => r.CreatedAt).Select(r => r.Id), page.Items.Select(r => r.Id));
        Assert.All(page.Items, r => Assert.Equal(1, r.ProductId));
    }

    [Fact]
    public async Task Adding_a_review_updates_the_summary()
    {
        var before = (await _client.GetOkAsync("/reviews/summary?productIds=499", ContractsJsonContext.Default.ItemListRatingSummary)).Items[0];

        using var response = await _client.PostAsJsonAsync(
            "/reviews",
            new AddReviewRequest(499, 1, 4, "Nice", "Works as promised."),
            ContractsJsonContext.Default.AddReviewRequest,
            Http.Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var review = await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.Review, Http.Ct);
        Assert.Equal($"/reviews/{review!.Id}", response.Headers.Location?.OriginalString);
        var after = (await _client.GetOkAsync("/reviews/summary?productIds=499", ContractsJsonContext.Default.ItemListRatingSummary)).Items[0];
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal(before.Histogram[3] + 1, after.Histogram[3]);
        var newest = await _client.GetOkAsync("/reviews?productId=499&limit=1", ContractsJsonContext.Default.PageReview);
        Assert.Equal(review.Id, newest.Items[0].Id);
    }

    [Theory]
    [InlineData("""{"productId":1,"userId":1,"rating":0,"title":"t","body":"b"}""", "rating")]
    [InlineData("""{"productId":1,"userId":1,"rating":6,"title":"t","body":"b"}""", "rating")]
    [InlineData("""{"productId":501,"userId":1,"rating":3,"title":"t","body":"b"}""", "productId")]
    [InlineData("""{"productId":1,"userId":-1,"rating":3,"title":"t","body":"b"}""", "userId")]
    [InlineData("""{"productId":1,"userId":1,"rating":3,"title":" ","body":"b"}""", "title")]
    [InlineData("""{"productId":1,"userId":1,"rating":3,"title":"t"}""", "body")]
    [InlineData("""{"productId":1,"userId":1,"rating":"five","title":"t","body":"b"}""", "rating")]
    public async Task Invalid_reviews_are_400_invalid_body_naming_the_field(string json, string field)
    {
        using var response = await _client.PostJsonAsync("/reviews", json);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_body");
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_review_that_is_not_json_is_415()
    {
        using var response = await _client.PostJsonAsync("/reviews", "rating=5", "application/x-www-form-urlencoded");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData("/reviews?sort=best", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/reviews?productId=abc", HttpStatusCode.BadRequest, "invalid_id")]
    [InlineData("/reviews/summary", HttpStatusCode.BadRequest, "invalid_id")]
    [InlineData("/reviews/summary?productIds=1,zero", HttpStatusCode.BadRequest, "invalid_id")]
    [InlineData("/reviews/-2", HttpStatusCode.BadRequest, "invalid_id")]
    [InlineData("/reviews/20000000", HttpStatusCode.NotFound, "not_found")]
    [InlineData("/reviews?limit=500", HttpStatusCode.BadRequest, "invalid_limit")]
    [InlineData("/reviews?productIds=1,2&perProduct=0", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/reviews?productIds=1,2&perProduct=51", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/reviews?productIds=1,2&perProduct=three", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/reviews?productIds=1,2&sort=best", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/reviews?productIds=1,2&limit=3", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/reviews?productIds=", HttpStatusCode.BadRequest, "invalid_id")]
    [InlineData("/reviews?productIds=1,0", HttpStatusCode.BadRequest, "invalid_id")]
    [InlineData("/reviews?productIds=1,2,1", HttpStatusCode.BadRequest, "invalid_id")]
    public async Task Bad_queries_are_problems(string url, HttpStatusCode status, string code)
    {
        using var response = await _client.GetAsync(url, Http.Ct);

        await ProblemAssert.IsProblemAsync(response, status, code);
    }

    [Fact]
    public async Task Summary_of_more_than_100_products_is_400_too_many_ids()
    {
        using var response = await _client.GetAsync($"/reviews/summary?productIds={string.Join(',', Enumerable.Range(1, 101))}", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "too_many_ids");
    }

    [Fact]
    public async Task Reviews_of_more_than_100_products_are_400_too_many_ids()
    {
        using var response = await _client.GetAsync($"/reviews?productIds={string.Join(',', Enumerable.Range(1, 101))}&perProduct=3", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "too_many_ids");
    }

    [Fact]
    public async Task Reviews_of_many_products_are_each_products_first_page_in_the_order_asked()
    {
        var batch = await _client.GetOkAsync("/reviews?productIds=7,495,1&perProduct=4&sort=top", ContractsJsonContext.Default.ItemListProductReviews);

        Assert.Equal([7, 495, 1], batch.Items.Select(p => p.ProductId));
        Assert.Empty(batch.Items[1].Items);
        Assert.Null(batch.Items[1].NextCursor);
        foreach (var id in new[] { 7, 1 })
        {
            var single = await _client.GetOkAsync($"/reviews?productId={id}&sort=top&limit=4", ContractsJsonContext.Default.PageReview);
            var entry = batch.Items.Single(p => p.ProductId == id);
            Assert.Equal(single.Items.Select(r => r.Id), entry.Items.Select(r => r.Id));
            var next = await _client.GetOkAsync($"/reviews?productId={id}&sort=top&limit=4&cursor={entry.NextCursor}", ContractsJsonContext.Default.PageReview);
            Assert.DoesNotContain(next.Items, r => entry.Items.Any(e => e.Id == r.Id));
            Assert.NotEmpty(next.Items);
        }
    }

    [Fact]
    public async Task Reviews_of_many_products_default_to_three_recent_each()
    {
        var batch = await _client.GetOkAsync("/reviews?productIds=1", ContractsJsonContext.Default.ItemListProductReviews);

        var reviews = Assert.Single(batch.Items).Items;
        Assert.Equal(3, reviews.Count);
        Assert.Equal(reviews.OrderByDescending(r => r.CreatedAt).Select(r => r.Id), reviews.Select(r => r.Id));
    }

    [Fact]
    public async Task A_top_cursor_is_refused_by_the_recent_sort()
    {
        var page = await _client.GetOkAsync("/reviews?sort=top&limit=3", ContractsJsonContext.Default.PageReview);

        using var response = await _client.GetAsync($"/reviews?sort=recent&limit=3&cursor={page.NextCursor}", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_cursor");
    }

    [Fact]
    public async Task Concurrent_reviews_all_land_with_distinct_ids()
    {
        var before = (await _client.GetOkAsync("/reviews/summary?productIds=498", ContractsJsonContext.Default.ItemListRatingSummary)).Items[0].Count;

        var ids = await Task.WhenAll(Enumerable.Range(1, 25).Select(async i =>
        {
            using var response = await _client.PostJsonAsync("/reviews", $$"""{"productId":498,"userId":{{i}},"rating":5,"title":"t{{i}}","body":"b"}""");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.Review, Http.Ct))!.Id;
        }));

        var after = (await _client.GetOkAsync("/reviews/summary?productIds=498", ContractsJsonContext.Default.ItemListRatingSummary)).Items[0];
        Assert.Equal(25, ids.Distinct().Count());
        Assert.Equal(before + 25, after.Count);
    }
}
