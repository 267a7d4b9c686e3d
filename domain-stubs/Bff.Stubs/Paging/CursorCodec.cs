using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Bff.Stubs.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Stubs.Paging;

/// <summary>
/// Opaque cursors: base64url of <c>version | last sort key | HMAC-SHA256(scope, version | key)</c>. The scope is
/// the query the cursor belongs to, so a modified cursor, or one replayed against other filters, is refused.
/// </summary>
internal sealed class CursorCodec(IOptions<StubOptions> options)
{
    private const byte Version = 1;
    private const int KeyBytes = 3 * sizeof(long);
    private const int MacBytes = 16;
    private const int TotalBytes = 1 + KeyBytes + MacBytes;

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.CursorKey);

    public string Encode(string scope, SortKey last)
    {
        Span<byte> buffer = stackalloc byte[TotalBytes];
        buffer[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(buffer[1..], last.Primary);
        BinaryPrimitives.WriteInt64BigEndian(buffer[9..], last.Secondary);
        BinaryPrimitives.WriteInt64BigEndian(buffer[17..], last.Tertiary);
        Sign(scope, buffer[..(1 + KeyBytes)], buffer[(1 + KeyBytes)..]);
        return Base64UrlEncoder.Encode(buffer.ToArray());
    }

    public bool TryDecode(string cursor, string scope, out SortKey last)
    {
        last = default;
        byte[] bytes;
        try
        {
            bytes = Base64UrlEncoder.DecodeBytes(cursor);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != TotalBytes || bytes[0] != Version)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        Sign(scope, bytes.AsSpan(0, 1 + KeyBytes), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(1 + KeyBytes)))
        {
            return false;
        }

        last = new SortKey(
            BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1)),
            BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(9)),
            BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(17)));
        return true;
    }

    private void Sign(string scope, ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        var scopeBytes = Encoding.UTF8.GetBytes(scope);
        var input = new byte[scopeBytes.Length + 1 + payload.Length];
        scopeBytes.CopyTo(input, 0);
        input[scopeBytes.Length] = 0;
        payload.CopyTo(input.AsSpan(scopeBytes.Length + 1));
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_secret, input, full);
        full[..MacBytes].CopyTo(mac);
    }
}
