using Bff.Edge.Routing;

namespace Bff.Edge.Tests.Routing;

public sealed class PathTemplateTests
{
    [Theory]
    [InlineData("/graphql", "/graphql", true)]
    [InlineData("/graphql", "/GraphQL", true)]
    [InlineData("/graphql", "/graphql/", true)]
    [InlineData("/graphql", "/graphql/x", false)]
    [InlineData("/graphql", "/graphqlx", false)]
    [InlineData("/mobile/{**rest}", "/mobile", true)]
    [InlineData("/mobile/{**rest}", "/mobile/home", true)]
    [InlineData("/mobile/{**rest}", "/mobile/a/b/c", true)]
    [InlineData("/mobile/{**rest}", "/mobilex/home", false)]
    [InlineData("/partner/{version}/{**rest}", "/partner/v1/orders", true)]
    [InlineData("/partner/{version}/{**rest}", "/partner", false)]
    [InlineData("/{**all}", "/", true)]
    [InlineData("/", "/", true)]
    [InlineData("/", "/x", false)]
    public void Matches_segment_by_segment(string template, string path, bool expected)
    {
        Assert.True(PathTemplate.TryParse(template, out var parsed, out _));

        Assert.Equal(expected, parsed!.TryMatch(path, new Range[PathTemplate.MaxParameters]));
    }

    [Fact]
    public void Captures_parameters_and_the_catch_all_as_ranges()
    {
        PathTemplate.TryParse("/partner/{version}/{**rest}", out var template, out _);
        var captures = new Range[PathTemplate.MaxParameters];
        const string path = "/partner/v2/orders/7";

        Assert.True(template!.TryMatch(path, captures));
        Assert.Equal("v2", path[captures[0]]);
        Assert.Equal("orders/7", path[captures[1]]);
    }

    [Fact]
    public void Literal_beats_parameter_beats_catch_all()
    {
        PathTemplate.TryParse("/partner/v1/{**rest}", out var literal, out _);
        PathTemplate.TryParse("/partner/{version}/{**rest}", out var parameter, out _);
        PathTemplate.TryParse("/{**rest}", out var catchAll, out _);

        Assert.True(PathTemplate.CompareSpecificity(literal!, parameter!) < 0);
        Assert.True(PathTemplate.CompareSpecificity(parameter!, catchAll!) < 0);
    }

    [Theory]
    [InlineData("/x/{a}/{a}")]
    [InlineData("/x/{}")]
    [InlineData("/x/a{b}")]
    [InlineData("/x//y")]
    [InlineData("/x/../y")]
    public void Rejects_malformed_templates(string template) =>
        Assert.False(PathTemplate.TryParse(template, out _, out _));
}
