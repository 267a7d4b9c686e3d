using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Partner.Bff.Paging;

/// <summary>
/// Opaque, tamper-evident cursors: base64url of the JSON position followed by its HMAC-SHA256. Any changed byte,
/// or a cursor signed with another key, fails <see cref="TryDecode"/>.
/// </summary>
internal sealed class CursorCodec
{
    private const int MacSize = 32;
    private const int MaxCursorLength = 2048;
    private readonly byte[] _key;

    public CursorCodec(IOptions<PagingOptions> options)
    {
        _key = options.Value.CursorKey.Length == 0 ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(options.Value.CursorKey);
    }

    public string Encode(CursorPosition position)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(position, PagingJsonContext.Default.CursorPosition);
        var signed = new byte[payload.Length + MacSize];
        payload.CopyTo(signed, 0);
        HMACSHA256.HashData(_key, payload, signed.AsSpan(payload.Length));
        return Base64Url.EncodeToString(signed);
    }

    public bool TryDecode(string cursor, out CursorPosition? position)
    {
        position = null;
        if (cursor.Length is 0 or > MaxCursorLength || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var signed = Base64Url.DecodeFromChars(cursor);
        if (signed.Length <= MacSize)
        {
            return false;
        }

        var payload = signed.AsSpan(0, signed.Length - MacSize);
        Span<byte> expected = stackalloc byte[MacSize];
        HMACSHA256.HashData(_key, payload, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, signed.AsSpan(payload.Length)))
        {
            return false;
        }

        try
        {
            position = JsonSerializer.Deserialize(payload, PagingJsonContext.Default.CursorPosition);
        }
        catch (JsonException)
        {
            return false;
        }

        return position is not null;
    }

    /// <summary>Canonical text of a list's filters: names sorted, empty values left out.</summary>
    public static string Filters(params (string Name, string? Value)[] filters) =>
        string.Join('&', filters.Where(f => !string.IsNullOrEmpty(f.Value)).OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Name + "=" + f.Value));
}
