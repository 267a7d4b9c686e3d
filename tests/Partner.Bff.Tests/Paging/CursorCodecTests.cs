using Microsoft.Extensions.Options;
using Partner.Bff.Paging;

namespace Partner.Bff.Tests.Paging;

public sealed class CursorCodecTests
{
    private static readonly CursorPosition Position = new("v2", "partner-gold", "orders", "status=paid", "upstream-cursor");

    [Fact]
    public void A_cursor_decodes_to_the_position_it_was_made_from()
    {
        var codec = Codec();

        Assert.True(codec.TryDecode(codec.Encode(Position), out var decoded));
        Assert.Equal(Position, decoded);
    }

    [Fact]
    public void Any_changed_character_makes_the_cursor_invalid()
    {
        var codec = Codec();
        var cursor = codec.Encode(Position);

        for (var i = 0; i < cursor.Length; i++)
        {
            var changed = cursor[..i] + (cursor[i] == 'A' ? 'B' : 'A') + cursor[(i + 1)..];
            Assert.False(codec.TryDecode(changed, out _), $"changed at {i}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("AAAA")]
    [InlineData("eyJ2ZXJzaW9uIjoidjIifQ")]
    public void Garbage_is_not_a_cursor(string cursor) =>
        Assert.False(Codec().TryDecode(cursor, out _));

    [Fact]
    public void A_cursor_signed_with_another_key_is_refused() =>
        Assert.False(Codec().TryDecode(Codec().Encode(Position), out _));

    private static CursorCodec Codec() => new(Options.Create(new PagingOptions()));
}
