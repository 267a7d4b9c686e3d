using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Routing;

/// <summary>Host conditions of a route, compiled: exact names and <c>*.suffix</c> wildcards, with an optional port.</summary>
internal sealed class HostMatcher
{
    private readonly (string Host, bool Wildcard, int? Port)[] _patterns;

    public HostMatcher(IReadOnlyList<string> patterns)
    {
        _patterns = new (string, bool, int?)[patterns.Count];
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            int? port = null;
            var colon = pattern.LastIndexOf(':');
            if (colon > 0)
            {
                port = int.Parse(pattern[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                pattern = pattern[..colon];
            }

            var wildcard = pattern.StartsWith("*.", StringComparison.Ordinal);
            _patterns[i] = (wildcard ? pattern[1..] : pattern, wildcard, port);
        }
    }

    public static bool IsValidPattern(string pattern)
    {
        var colon = pattern.LastIndexOf(':');
        if (colon > 0)
        {
            if (!int.TryParse(pattern.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
            {
                return false;
            }

            pattern = pattern[..colon];
        }

        var name = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return Uri.CheckHostName(name) is UriHostNameType.Dns or UriHostNameType.IPv4;
    }

    public bool Matches(HostString host)
    {
        var value = host.Value.AsSpan();
        if (value.IsEmpty)
        {
            return false;
        }

        // Split host and port without allocating (HostString.Host/Port would).
        int? port = null;
        var colon = value.LastIndexOf(':');
        if (colon > 0 && value.IndexOf(']') < colon)
        {
            if (int.TryParse(value[(colon + 1)..], out var parsed))
            {
                port = parsed;
            }

            value = value[..colon];
        }

        foreach (var (pattern, wildcard, patternPort) in _patterns)
        {
            if (patternPort is not null && patternPort != port)
            {
                continue;
            }

            if (wildcard
                ? value.Length > pattern.Length && value.EndsWith(pattern, StringComparison.OrdinalIgnoreCase)
                : value.Equals(pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
