using Bff.Stubs.Hosting;
using Bff.Stubs.Paging;
using Microsoft.Extensions.Options;

namespace Bff.Stubs.Tests.Paging;

public sealed class CursorCodecTests
{
    private readonly CursorCodec _codec = new(Options.Create(new StubOptions { CursorKey = "a-test-key-of-sufficient-length" }));

    [Fact]
    public void A_cursor_round_trips_its_position_within_its_scope()
    {
        var key = new SortKey(-638_000_000_000_000_000, -42, 7);

        var cursor = _codec.Encode("orders|1|", key);

        Assert.True(_codec.TryDecode(cursor, "orders|1|", out var decoded));
        Assert.Equal(key, decoded);
        Assert.DoesNotContain('+', cursor);
        Assert.DoesNotContain('/', cursor);
    }

    [Fact]
    public void A_cursor_is_refused_in_another_scope_or_under_another_key()
    {
        var cursor = _codec.Encode("orders|1|", new SortKey(5));
        var otherKey = new CursorCodec(Options.Create(new StubOptions { CursorKey = "another-key-of-sufficient-length" }));

        Assert.False(_codec.TryDecode(cursor, "orders|2|", out _));
        Assert.False(otherKey.TryDecode(cursor, "orders|1|", out _));
    }

    [Fact]
    public void Every_single_byte_change_is_detected()
    {
        var bytes = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(_codec.Encode("users", new SortKey(20)));

        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x40;
            Assert.False(_codec.TryDecode(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(changed), "users", out _), $"byte {i}");
        }

        Assert.False(_codec.TryDecode(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(bytes[..^1]), "users", out _));
    }

    [Fact]
    public void Descending_orders_sort_by_negated_components()
    {
        SortKey[] keys = [new(-3, -1), new(-5, 0), new(-3, -2), new(-5, -9, 1)];

        Assert.Equal([new(-5, -9, 1), new(-5, 0), new(-3, -2), new(-3, -1)], keys.Order());
    }
}
