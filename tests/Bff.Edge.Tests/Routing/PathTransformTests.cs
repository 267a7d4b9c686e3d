using Bff.Edge.Configuration;
using Bff.Edge.Routing;

namespace Bff.Edge.Tests.Routing;

public sealed class PathTransformTests
{
    [Theory]
    [InlineData("/mobile/{**rest}", "/mobile", null, "/mobile/home", "/home")]
    [InlineData("/mobile/{**rest}", "/mobile", null, "/mobile", "/")]
    [InlineData("/mobile/{**rest}", "/mobile/", "/api", "/mobile/home", "/api/home")]
    [InlineData("/x/{**rest}", null, "/v1", "/x/a", "/v1/x/a")]
    [InlineData("/x/{**rest}", "/other", null, "/x/a", "/x/a")]
    public void Prefix_transforms(string template, string? remove, string? add, string path, string expected)
    {
        PathTemplate.TryParse(template, out var parsed, out _);
        var transform = PathTransform.Create(new RouteTransformsConfig { PathRemovePrefix = remove, PathPrefix = add }, parsed!);

        Assert.Equal(expected, transform.Apply(path, []));
    }

    [Fact]
    public void A_pattern_rebuilds_the_path_from_captures()
    {
        PathTemplate.TryParse("/partner/{version}/{**rest}", out var template, out _);
        var transform = PathTransform.Create(new RouteTransformsConfig { PathPattern = "/api/{version}/items/{**rest}" }, template!);
        var captures = new Range[PathTemplate.MaxParameters];
        const string path = "/partner/v1/orders/9";
        template!.TryMatch(path, captures);

        Assert.Equal("/api/v1/items/orders/9", transform.Apply(path, captures));
    }
}
