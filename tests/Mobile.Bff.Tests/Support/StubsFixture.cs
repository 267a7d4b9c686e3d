using Bff.TestSupport.Stubs;

namespace Mobile.Bff.Tests.Support;

/// <summary>The real domain stubs the Mobile BFF's tests run against, warmed up on the routes its screens call.</summary>
public sealed class StubsFixture : DomainStubsFixture
{
    protected override IReadOnlyList<string> WarmUpRoutes { get; } =
    [
        "users:users/1", "users:users/1/notifications/unread-count", "orders:orders/recent?userId=1&limit=3", "orders:orders/1",
        "orders:orders?userId=1&limit=1", "products:products/recommended?userId=1&limit=4", "products:products/1", "products:products?ids=1,2",
        "reviews:reviews/summary?productIds=1,2", "reviews:reviews?productId=1&sort=top&limit=3",
    ];
}
