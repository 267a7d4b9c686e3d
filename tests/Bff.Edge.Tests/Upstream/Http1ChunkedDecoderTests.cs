using System.Text;
using Bff.Edge.Upstream;

namespace Bff.Edge.Tests.Upstream;

public sealed class Http1ChunkedDecoderTests
{
    // Three chunks (one with an extension, one in uppercase hex), the last chunk, and a trailer section.
    private const string Encoded = "5\r\nhello\r\n1;name=value\r\n \r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Checksum: 1\r\n\r\n";
    private const string Decoded = "hello abcdefghijklmnopqrstuvwxyz";
    private const string Trailers = "X-Checksum: 1\r\n\r\n";

    [Fact]
    public void A_body_in_one_piece_is_decoded_and_stops_at_the_trailers()
    {
        var (data, rest, atTrailers) = DecodeInPieces(Bytes(Encoded), [Encoded.Length]);

        Assert.Equal(Decoded, data);
        Assert.Equal(Trailers, rest);
        Assert.True(atTrailers);
    }

    [Fact]
    public void A_body_split_in_two_at_every_offset_decodes_the_same()
    {
        var encoded = Bytes(Encoded);
        for (var split = 0; split <= encoded.Length; split++)
        {
            var (data, rest, atTrailers) = DecodeInPieces(encoded, [split, encoded.Length - split]);

            Assert.Equal(Decoded, data);
            Assert.Equal(Trailers, rest);
            Assert.True(atTrailers, $"split at {split}");
        }
    }

    [Fact]
    public void A_body_fed_one_byte_at_a_time_decodes_the_same_and_reaches_the_trailers_right_after_the_last_chunk()
    {
        var encoded = Bytes(Encoded);
        var lastChunkEnd = Encoded.IndexOf("0\r\n", StringComparison.Ordinal) + 3;
        var decoder = default(Http1ChunkedDecoder);
        var pending = new List<byte>();
        var output = new List<byte>();
        for (var i = 0; i < encoded.Length && !decoder.AtTrailers; i++)
        {
            pending.Add(encoded[i]);
            Feed(ref decoder, pending, output);
            Assert.Equal(i + 1 >= lastChunkEnd, decoder.AtTrailers);
        }

        Assert.Equal(Decoded, Encoding.ASCII.GetString(output.ToArray()));
        Assert.Empty(pending);
    }

    [Fact]
    public void Data_is_moved_to_the_front_of_the_buffer_and_a_partial_chunk_is_passed_on_at_once()
    {
        var decoder = default(Http1ChunkedDecoder);
        var buffer = Bytes("a\r\n0123");

        var produced = decoder.Decode(buffer, out var consumed);

        Assert.Equal(4, produced);
        Assert.Equal(buffer.Length, consumed);
        Assert.Equal("0123", Encoding.ASCII.GetString(buffer, 0, produced));
        Assert.False(decoder.AtTrailers);

        buffer = Bytes("456789\r\n0\r\n\r\n");
        produced = decoder.Decode(buffer, out consumed);

        Assert.Equal("456789", Encoding.ASCII.GetString(buffer, 0, produced));
        Assert.Equal(11, consumed);
        Assert.True(decoder.AtTrailers);
    }

    [Fact]
    public void Nothing_is_consumed_after_the_last_chunk()
    {
        var decoder = default(Http1ChunkedDecoder);
        var buffer = Bytes("0\r\n\r\n");

        Assert.Equal(0, decoder.Decode(buffer, out var consumed));
        Assert.Equal(3, consumed);
        Assert.True(decoder.AtTrailers);

        Assert.Equal(0, decoder.Decode(buffer.AsSpan(consumed), out consumed));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void An_empty_buffer_consumes_nothing()
    {
        var decoder = default(Http1ChunkedDecoder);

        Assert.Equal(0, decoder.Decode([], out var consumed));
        Assert.Equal(0, consumed);
        Assert.False(decoder.AtTrailers);
    }

    [Theory]
    [InlineData("5;a=b\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5 ; a\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5\t;a=\"quoted; value\"\r\nhello\r\n0;last=1\r\n\r\n")]
    [InlineData("5 \r\nhello\r\n0\r\n\r\n")]
    [InlineData("005\r\nhello\r\n000\r\n\r\n")]
    [InlineData("2\r\nhe\r\n3\r\nllo\r\n0\r\n\r\n")]
    public void Chunk_extensions_and_padded_sizes_are_accepted(string encoded)
    {
        var (data, rest, atTrailers) = DecodeInPieces(Bytes(encoded), [encoded.Length]);

        Assert.Equal("hello", data);
        Assert.Equal("\r\n", rest);
        Assert.True(atTrailers);
    }

    [Theory]
    [InlineData("A", 10)]
    [InlineData("a", 10)]
    [InlineData("1F", 31)]
    [InlineData("1f", 31)]
    [InlineData("FF", 255)]
    [InlineData("100", 256)]
    public void Sizes_are_hex_in_either_case(string size, int length)
    {
        var payload = new string('x', length);
        var encoded = $"{size}\r\n{payload}\r\n0\r\n\r\n";

        var (data, _, atTrailers) = DecodeInPieces(Bytes(encoded), [encoded.Length]);

        Assert.Equal(payload, data);
        Assert.True(atTrailers);
    }

    [Theory]
    [InlineData("zz\r\nhello\r\n0\r\n\r\n")]
    [InlineData("\r\nhello\r\n0\r\n\r\n")]
    [InlineData(" 5\r\nhello\r\n0\r\n\r\n")]
    [InlineData(";a\r\nhello\r\n0\r\n\r\n")]
    [InlineData("-5\r\nhello\r\n0\r\n\r\n")]
    [InlineData("0x5\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5g\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5 6\r\nhello\r\n0\r\n\r\n")]
    [InlineData("1000000000000000\r\nhello\r\n0\r\n\r\n")]
    [InlineData("ffffffffffffffff\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5\nhello\r\n0\r\n\r\n")]
    [InlineData("5;a\nb\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5;a\rb\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5;a\0b\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5\r\nhelloX\r\n0\r\n\r\n")]
    [InlineData("5\r\nhello\n0\r\n\r\n")]
    [InlineData("5\r\nhello\r0\r\n\r\n")]
    [InlineData("5\r\nhello0\r\n\r\n")]
    public void A_malformed_chunk_is_a_protocol_error(string encoded)
    {
        var bytes = Bytes(encoded);

        Assert.Throws<Http1ProtocolException>(() => DecodeInPieces(bytes, [bytes.Length]));
        Assert.Throws<Http1ProtocolException>(() => DecodeInPieces(bytes, Enumerable.Repeat(1, bytes.Length).ToArray()));
    }

    [Fact]
    public void Fifteen_hex_digits_are_the_largest_size_accepted()
    {
        var decoder = default(Http1ChunkedDecoder);
        var buffer = Bytes("fffffffffffffff\r\nabc");

        var produced = decoder.Decode(buffer, out var consumed);

        Assert.Equal(3, produced);
        Assert.Equal(buffer.Length, consumed);
    }

    [Fact]
    public void A_size_line_of_4096_bytes_waits_for_more_and_a_longer_one_without_CRLF_is_a_protocol_error()
    {
        var line = Bytes("5;" + new string('a', 4094));
        var decoder = default(Http1ChunkedDecoder);

        Assert.Equal(0, decoder.Decode(line, out var consumed));
        Assert.Equal(0, consumed);

        var longer = Bytes("5;" + new string('a', 4095));
        Assert.Throws<Http1ProtocolException>(() =>
        {
            var fresh = default(Http1ChunkedDecoder);
            fresh.Decode(longer, out _);
        });
    }

    [Fact]
    public void A_long_size_line_is_counted_from_where_the_line_starts()
    {
        // 4,000 bytes of data already decoded in the same buffer do not count towards the size line's length.
        var text = "fa0\r\n" + new string('d', 4000) + "\r\n5;" + new string('a', 4000);
        var decoder = default(Http1ChunkedDecoder);
        var buffer = Bytes(text);

        var produced = decoder.Decode(buffer, out var consumed);

        Assert.Equal(4000, produced);
        Assert.Equal(4007, consumed);
    }

    // Simulates the forwarder: bytes not consumed stay, new bytes are appended, and Decode runs again.
    private static (string Data, string Remaining, bool AtTrailers) DecodeInPieces(byte[] encoded, int[] pieces)
    {
        var decoder = default(Http1ChunkedDecoder);
        var pending = new List<byte>();
        var output = new List<byte>();
        var offset = 0;
        foreach (var piece in pieces)
        {
            pending.AddRange(encoded.AsSpan(offset, piece));
            offset += piece;
            if (!decoder.AtTrailers)
            {
                Feed(ref decoder, pending, output);
            }
        }

        return (Encoding.ASCII.GetString(output.ToArray()), Encoding.ASCII.GetString(pending.ToArray()), decoder.AtTrailers);
    }

    private static void Feed(ref Http1ChunkedDecoder decoder, List<byte> pending, List<byte> output)
    {
        var buffer = pending.ToArray();
        var produced = decoder.Decode(buffer, out var consumed);
        Assert.InRange(consumed, produced, buffer.Length);
        output.AddRange(buffer.AsSpan(0, produced));
        pending.Clear();
        pending.AddRange(buffer.AsSpan(consumed));
    }

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);
}
