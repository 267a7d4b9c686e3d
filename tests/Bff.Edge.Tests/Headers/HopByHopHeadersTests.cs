using Bff.Edge.Headers;
using Microsoft.Extensions.Primitives;

namespace Bff.Edge.Tests.Headers;

public sealed class HopByHopHeadersTests
{
    [Theory]
    [InlineData("Connection")]
    [InlineData("keep-alive")]
    [InlineData("Proxy-Connection")]
    [InlineData("TE")]
    [InlineData("Trailer")]
    [InlineData("Transfer-Encoding")]
    [InlineData("upgrade")]
    [InlineData("Proxy-Authorization")]
    [InlineData(":authority")]
    public void Fixed_hop_by_hop_headers_are_dropped(string name) =>
        Assert.True(HopByHopHeaders.ShouldDrop(name, StringValues.Empty));

    [Fact]
    public void Headers_named_in_Connection_are_dropped_and_others_kept()
    {
        var connection = new StringValues(["keep-alive, X-Secret ", "x-other"]);

        Assert.True(HopByHopHeaders.ShouldDrop("X-Secret", connection));
        Assert.True(HopByHopHeaders.ShouldDrop("X-Other", connection));
        Assert.False(HopByHopHeaders.ShouldDrop("X-Secre", connection));
        Assert.False(HopByHopHeaders.ShouldDrop("Accept", connection));
    }
}
