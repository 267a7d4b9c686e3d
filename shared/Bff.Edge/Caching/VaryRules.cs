using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Bff.Edge.Caching;

/// <summary><c>Vary</c> (RFC 9111 §4.1): which request headers select among answers stored under one key.</summary>
internal static class VaryRules
{
    public static bool IsStar(StringValues vary)
    {
        foreach (var value in vary)
        {
            foreach (var name in (value ?? string.Empty).Split(','))
            {
                if (name.Trim() == "*")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The named headers, lower-cased, de-duplicated and sorted, so equal rules make equal keys.</summary>
    public static string[] Names(StringValues vary)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var value in vary)
        {
            foreach (var name in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                names.Add(name.ToLowerInvariant());
            }
        }

        return [.. names];
    }

    /// <summary>
    /// The key of this request's variant: the base key plus each named header's value. Header values cannot hold
    /// a line feed (the server refuses them), so it separates the parts unambiguously.
    /// </summary>
    public static string VariantKey(string baseKey, string[] names, IHeaderDictionary requestHeaders)
    {
        var builder = new StringBuilder(baseKey, baseKey.Length + 64);
        builder.Append(" v:");
        foreach (var name in names)
        {
            builder.Append('\n').Append(name).Append('=');
            if (requestHeaders.TryGetValue(name, out var values))
            {
                builder.AppendJoin(",", (IEnumerable<string?>)values);
            }
        }

        return builder.ToString();
    }
}
