using System.Globalization;

namespace Bff.RateLimiting;

/// <summary>A parsed <c>host:port</c> (IPv6 literals in brackets: <c>[::1]:6379</c>).</summary>
internal readonly record struct RedisEndpoint(string Host, int Port)
{
    public static bool TryParse(string? text, out RedisEndpoint endpoint, out string error)
    {
        endpoint = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is empty; expected host:port";
            return false;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            error = $"'{text}' is not host:port";
            return false;
        }

        var host = text[..colon];
        if (host.StartsWith('['))
        {
            if (!host.EndsWith(']') || host.Length < 3)
            {
                error = $"'{text}' has an unclosed IPv6 bracket";
                return false;
            }

            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            error = $"'{text}' has an IPv6 host without brackets; write [address]:port";
            return false;
        }

        if (host.Any(char.IsWhiteSpace))
        {
            error = $"'{text}' has white space in the host";
            return false;
        }

        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"'{text}' has no valid port (1-65535)";
            return false;
        }

        endpoint = new RedisEndpoint(host, port);
        error = string.Empty;
        return true;
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
