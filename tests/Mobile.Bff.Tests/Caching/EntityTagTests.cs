using System.Text;
using Microsoft.Extensions.Primitives;
using Mobile.Bff.Caching;

namespace Mobile.Bff.Tests.Caching;

public sealed class EntityTagTests
{
    private static readonly string Tag = EntityTag.Compute(Encoding.UTF8.GetBytes("""{"a":1}"""));

    [Fact]
    public void Tag_is_weak_and_depends_on_the_body()
    {
        Assert.StartsWith("W/\"", Tag, StringComparison.Ordinal);
        Assert.Equal(Tag, EntityTag.Compute(Encoding.UTF8.GetBytes("""{"a":1}""")));
        Assert.NotEqual(Tag, EntityTag.Compute(Encoding.UTF8.GetBytes("""{"a":2}""")));
    }

    [Fact]
    public void If_None_Match_compares_weakly_across_a_list()
    {
        var strong = Tag[2..];
        Assert.True(EntityTag.Matches(new StringValues(Tag), Tag));
        Assert.True(EntityTag.Matches(new StringValues(strong), Tag));
        Assert.True(EntityTag.Matches(new StringValues($"\"other\", {Tag}"), Tag));
        Assert.True(EntityTag.Matches(new StringValues("*"), Tag));
        Assert.False(EntityTag.Matches(new StringValues("W/\"other\""), Tag));
        Assert.False(EntityTag.Matches(StringValues.Empty, Tag));
    }
}
