using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bff.RateLimiting.Tests;

public sealed class RateLimitHeadersTests
{
    [Fact]
    public void Policy_header_advertises_the_burst_and_the_seconds_it_takes_to_refill()
    {
        Assert.Equal("\"app-users\";q=40;w=2", RateLimitHeaders.FormatPolicy(RateLimitPolicy.AppUsers()));
        Assert.Equal("\"partner-free\";q=60;w=60", RateLimitHeaders.FormatPolicy(RateLimitPolicy.PartnerFree()));
        Assert.Equal("\"partner-gold\";q=600;w=60", RateLimitHeaders.FormatPolicy(RateLimitPolicy.PartnerGold()));
        Assert.Equal("\"fast\";q=1;w=1", RateLimitHeaders.FormatPolicy(new RateLimitPolicy { Name = "fast", Limit = 1000, Period = TimeSpan.FromSeconds(1), Burst = 1 }));
    }

    [Fact]
    public void Policy_names_from_code_are_escaped_as_structured_field_strings()
    {
        var odd = new RateLimitPolicy { Name = "we\"ird\\ñ", Limit = 1, Period = TimeSpan.FromSeconds(1) };

        Assert.Equal("\"we\\\"ird\\\\?\";q=1;w=1", RateLimitHeaders.FormatPolicy(odd));
    }

    [Fact]
    public void Allowed_decision_reports_remaining_and_seconds_to_full_quota_rounded_up()
    {
        var decision = new RateLimitDecision
        {
            IsAllowed = true,
            Policy = RateLimitPolicy.AppUsers(),
            Remaining = 39,
            ResetAfter = TimeSpan.FromMilliseconds(50),
        };

        Assert.Equal("\"app-users\";r=39;t=1", RateLimitHeaders.FormatRateLimit(decision));
        Assert.Equal("\"app-users\";r=0;t=0", RateLimitHeaders.FormatRateLimit(decision with { Remaining = 0, ResetAfter = TimeSpan.Zero }));
        Assert.Equal("\"app-users\";r=2;t=3", RateLimitHeaders.FormatRateLimit(decision with { Remaining = 2, ResetAfter = TimeSpan.FromMilliseconds(2001) }));
    }

    [Fact]
    public void Denied_decision_window_equals_retry_after_of_at_least_one_second()
    {
        var denied = new RateLimitDecision
        {
            IsAllowed = false,
            Policy = RateLimitPolicy.PartnerFree(),
            ResetAfter = TimeSpan.FromSeconds(60),
            RetryAfter = TimeSpan.FromMilliseconds(1200),
        };

        Assert.Equal("\"partner-free\";r=0;t=2", RateLimitHeaders.FormatRateLimit(denied));
        Assert.Equal(2, RateLimitHeaders.RetryAfterSeconds(denied));
        Assert.Equal(1, RateLimitHeaders.RetryAfterSeconds(denied with { RetryAfter = TimeSpan.FromMilliseconds(50) }));
    }

    [Fact]
    public void Allowed_response_gets_quota_headers_and_no_retry_after()
    {
        var context = new DefaultHttpContext();

        context.Response.SetRateLimitHeaders(new RateLimitDecision
        {
            IsAllowed = true,
            Policy = RateLimitPolicy.PartnerGold(),
            Remaining = 599,
            ResetAfter = TimeSpan.FromMilliseconds(100),
        });

        Assert.Equal("\"partner-gold\";q=600;w=60", context.Response.Headers["RateLimit-Policy"]);
        Assert.Equal("\"partner-gold\";r=599;t=1", context.Response.Headers["RateLimit"]);
        Assert.False(context.Response.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public async Task Quota_exceeded_is_a_429_problem_with_retry_after()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await context.Response.WriteRateLimitRejectionAsync(
            new RateLimitDecision { IsAllowed = false, Policy = RateLimitPolicy.AppUsers(), RetryAfter = TimeSpan.FromMilliseconds(50), ResetAfter = TimeSpan.FromSeconds(2) },
            TestContext.Current.CancellationToken);

        Assert.Equal(429, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("1", context.Response.Headers.RetryAfter);
        Assert.Equal("\"app-users\";r=0;t=1", context.Response.Headers["RateLimit"]);
        var problem = Parse(context);
        Assert.Equal("https://iana.org/assignments/http-problem-types#quota-exceeded", problem.GetProperty("type").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("app-users", problem.GetProperty("violated-policies")[0].GetString());
    }

    [Fact]
    public async Task Failing_closed_is_a_503_problem_with_retry_after()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await context.Response.WriteRateLimitRejectionAsync(
            new RateLimitDecision { IsAllowed = false, Policy = RateLimitPolicy.AppUsers(), RetryAfter = TimeSpan.FromSeconds(4.2), Source = RateLimitSource.FailClosed },
            TestContext.Current.CancellationToken);

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter);
        Assert.Equal("https://iana.org/assignments/http-problem-types#temporary-reduced-capacity", Parse(context).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Allowed_decision_is_not_a_rejection()
    {
        var context = new DefaultHttpContext();

        await Assert.ThrowsAsync<ArgumentException>(() => context.Response.WriteRateLimitRejectionAsync(
            new RateLimitDecision { IsAllowed = true, Policy = RateLimitPolicy.AppUsers() },
            TestContext.Current.CancellationToken));
    }

    private static JsonElement Parse(DefaultHttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonDocument.Parse(context.Response.Body).RootElement.Clone();
    }
}
