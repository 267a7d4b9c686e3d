using System.Buffers;

namespace Bff.Edge.RequestGuard;

/// <summary>Byte classes of the HTTP/1.1 grammar (RFC 9110 §5.5, §5.6.2, §5.6.4), for checks on raw bytes.</summary>
internal static class RawSyntax
{
    // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    private static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"u8);

    // Field values: CTLs other than HTAB, and DEL, are never allowed (obs-text, 0x80-0xFF, is).
    private static readonly SearchValues<char> ForbiddenInFieldValue =
        SearchValues.Create("\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f");

    public static bool IsTokenByte(byte b) => TokenBytes.Contains(b);

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>field-vchar / SP / HTAB: visible ASCII, obs-text, space and tab.</summary>
    public static bool IsFieldValueByte(byte b) => b is (byte)'\t' or (>= 0x20 and not 0x7F);

    /// <summary>qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text (RFC 9110 §5.6.4).</summary>
    public static bool IsQuotedTextByte(byte b) => b is (byte)'\t' or (byte)' ' or 0x21 or (>= 0x23 and <= 0x5B) or (>= 0x5D and <= 0x7E) or >= 0x80;

    /// <summary>quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ).</summary>
    public static bool IsQuotedPairByte(byte b) => b is (byte)'\t' or (>= 0x20 and not 0x7F);

    public static bool HasForbiddenFieldValueChar(string value) => value.AsSpan().ContainsAny(ForbiddenInFieldValue);
}
