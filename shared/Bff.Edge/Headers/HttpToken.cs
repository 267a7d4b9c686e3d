using System.Buffers;

namespace Bff.Edge.Headers;

/// <summary>RFC 9110 §5.6.2 tokens (header names, methods) and field values, for config validation.</summary>
internal static class HttpToken
{
    // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public static bool IsToken(string? value) => !string.IsNullOrEmpty(value) && !value.AsSpan().ContainsAnyExcept(TokenChars);

    /// <summary>Visible ASCII, spaces and tabs only: no CR/LF (header injection), no control or non-ASCII characters.</summary>
    public static bool IsFieldValue(string value)
    {
        foreach (var c in value)
        {
            if (c is not ('\t' or (>= ' ' and <= '~')))
            {
                return false;
            }
        }

        return true;
    }
}
