using System.Text;
using Bff.Edge.RequestGuard;

namespace Bff.Edge.Tests.RequestGuard;

public sealed class ChunkedBodyValidatorTests
{
    private const string Body = "5;name=value;q=\"a \\\" b\"\r\nhello\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0;last\r\nX-Trailer: t\tv\r\n\r\n";

    [Fact]
    public void A_valid_body_is_accepted_however_the_bytes_are_split()
    {
        var bytes = Encoding.ASCII.GetBytes(Body + "GET /next");
        for (var split = 0; split <= Body.Length; split++)
        {
            var validator = new ChunkedBodyValidator();
            var first = validator.Feed(bytes.AsSpan(0, split), out var error);
            Assert.Null(error);
            var second = validator.Feed(bytes.AsSpan(split), out error);
            Assert.Null(error);
            Assert.True(validator.IsComplete);
            Assert.Equal(Body.Length, first + second);
        }
    }

    [Fact]
    public void A_body_fed_one_byte_at_a_time_ends_exactly_at_its_last_CRLF()
    {
        var validator = new ChunkedBodyValidator();
        var used = 0;
        foreach (var b in Encoding.ASCII.GetBytes(Body + "X"))
        {
            used += validator.Feed([b], out var error);
            Assert.Null(error);
        }

        Assert.True(validator.IsComplete);
        Assert.Equal(Body.Length, used);
    }

    [Theory]
    [InlineData("5;\r\n")]
    [InlineData("5;=v\r\n")]
    [InlineData("5;a=\r\n")]
    [InlineData("5;a=\"x\r\n")]
    [InlineData("5;a(b)\r\n")]
    [InlineData("5;a=\"\u007f\"\r\n")]
    [InlineData("80000000\r\n")]
    [InlineData("\r\n")]
    [InlineData("5\r\nhello\n")]
    [InlineData("0\r\n: v\r\n\r\n")]
    [InlineData("0\r\n x: v\r\n\r\n")]
    public void A_malformed_chunk_line_or_trailer_is_refused(string body)
    {
        var validator = new ChunkedBodyValidator();

        Assert.Equal(-1, validator.Feed(Encoding.Latin1.GetBytes(body), out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void A_size_line_over_the_limit_is_refused()
    {
        var validator = new ChunkedBodyValidator();
        var line = "1" + string.Concat(Enumerable.Repeat(";a=b", ChunkedBodyValidator.MaxSizeLineLength / 4));

        Assert.Equal(-1, validator.Feed(Encoding.ASCII.GetBytes(line), out var error));
        Assert.Contains("too long", error, StringComparison.Ordinal);
    }
}
