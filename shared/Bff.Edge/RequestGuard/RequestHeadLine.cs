namespace Bff.Edge.RequestGuard;

/// <summary>
/// Checks one raw line of a request head for what Kestrel accepts but parses away before the application sees it:
/// a bare LF line end (RFC 9112 §2.2) and a <c>Content-Length</c> that is not exactly <c>1*DIGIT</c> (Kestrel
/// also reads <c>+5</c> and <c>-0</c>, and hands on only the number).
/// </summary>
internal static class RequestHeadLine
{
    /// <summary>Null when <paramref name="line"/> (its bytes up to, not including, the LF) is acceptable.</summary>
    public static string? Check(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || line[^1] != '\r')
        {
            return "Request head lines must end with CRLF.";
        }

        const int NameLength = 15; // "content-length:"
        if (line.Length <= NameLength || (line[0] | 0x20) != 'c' || !System.Text.Ascii.EqualsIgnoreCase(line[..NameLength], "content-length:"u8))
        {
            return null;
        }

        var value = line[NameLength..^1].Trim(" \t"u8);
        return !value.IsEmpty && !value.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            ? null
            : "Content-Length must be one value of digits only.";
    }

    /// <summary>True for the empty line that ends a head.</summary>
    public static bool IsEndOfHead(ReadOnlySpan<byte> line) => line.Length == 1 && line[0] == '\r';
}
